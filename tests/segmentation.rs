//! Topical segmentation on texts without any heading (the fixtures written for
//! the project, every heading removed): the `##` sections rubrique finds must
//! carry signal, i.e. score a lower Pk than leaving the text in one section.
mod common;

use common::*;

#[test]
fn sections_found_by_topic_alone_beat_one_section() {
    let mut total = 0.0;
    let mut baseline = 0.0;
    for name in ["velo", "cantines", "jardins", "bus"] {
        let g = gold(name);
        let (md, err, code) = rewrite(&g.noheads(), &[]);
        assert_eq!(code, 0, "{name}: {err}");
        let (sentences, reference): (Vec<String>, Vec<usize>) =
            g.sentence_sections().into_iter().unzip();
        let hypothesis = h2_labels(&md, &sentences);
        let one = vec![0; reference.len()];
        let (p, p1) = (pk(&reference, &hypothesis), pk(&reference, &one));
        eprintln!("{name}: Pk {p:.3} (one section {p1:.3})");
        total += p;
        baseline += p1;
    }
    assert!(
        total < baseline,
        "mean Pk {:.3} against {:.3} for one section",
        total / 4.0,
        baseline / 4.0
    );
}
