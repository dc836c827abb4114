//! Runs the examples of every junk rule (rules/junk.yaml): each `strip` text
//! must be removed by its rule alone, each `keep` text must survive the whole
//! cleaner untouched. Plus end-to-end checks of the clean stage.
use rubrique::clean::Cleaner;
use rubrique::rules::Source;

fn cleaner() -> Cleaner {
    Cleaner::load(&Source::embedded()).expect("embedded junk rules compile")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_rule_has_a_description_and_examples() {
    let c = cleaner();
    let infos = c.rule_infos();
    assert!(infos.len() >= 20, "only {} rules", infos.len());
    for info in &infos {
        assert!(!info.id.is_empty());
        assert!(
            !info.description.trim().is_empty(),
            "rule `{}` has no description",
            info.id
        );
        assert!(
            !info.examples.strip.is_empty(),
            "rule `{}` has no strip example",
            info.id
        );
        assert!(
            !info.examples.keep.is_empty(),
            "rule `{}` has no keep example",
            info.id
        );
    }
}

#[test]
fn every_strip_example_is_removed_by_its_rule() {
    let c = cleaner();
    let mut checked = 0;
    let mut failures = Vec::new();
    for info in c.rule_infos() {
        for ex in &info.examples.strip {
            let out = c.run_rule(ex.text(), info.id);
            checked += 1;
            if collapse(&out.text) != collapse(ex.leaves()) {
                failures.push(format!(
                    "rule `{}` on {:?}: left {:?}, expected {:?}",
                    info.id,
                    ex.text(),
                    out.text,
                    ex.leaves()
                ));
                continue;
            }
            if out.removals.is_empty() || out.removals.iter().any(|r| r.rule != info.id) {
                failures.push(format!(
                    "rule `{}` on {:?}: removals {:?}",
                    info.id,
                    ex.text(),
                    out.removals
                ));
            }
            for r in &out.removals {
                if ex.text().get(r.offset..r.offset + r.text.len()) != Some(r.text.as_str()) {
                    failures.push(format!(
                        "rule `{}`: removal {:?} is not at offset {} of {:?}",
                        info.id,
                        r.text,
                        r.offset,
                        ex.text()
                    ));
                }
            }
        }
    }
    assert!(checked >= 40, "only {checked} strip examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_keep_example_survives_the_whole_cleaner() {
    let c = cleaner();
    let mut checked = 0;
    let mut failures = Vec::new();
    for info in c.rule_infos() {
        for keep in &info.examples.keep {
            let out = c.run(keep);
            checked += 1;
            if out.text != *keep || !out.removals.is_empty() {
                failures.push(format!(
                    "rule `{}` keep example {:?} became {:?} (removals {:?})",
                    info.id, keep, out.text, out.removals
                ));
            }
        }
    }
    assert!(checked >= 25, "only {checked} keep examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A scraped page written for this test: an English instruction glued to the
/// lead, furniture between paragraphs and scripts at the end.
const PAGE: &str =
    "Rewrite this for my blog and make it easy to read for all of our readersLe conseil \
départemental a adopté jeudi un plan de rénovation des collèges. Le chantier durera cinq ans. \
LIRE AUSSI. Éducation : les effectifs baissent dans les collèges ruraux Les premiers travaux \
concernent dix établissements. Crédit photo : Studio Nord Quelques élus ont demandé un \
calendrier plus précis. [Édité par Lucie Bernard] En savoir plus avec Infolocale ! \
(function(w,d,s,l,i){w[l]=w[l]||[];j.async=true;f.parentNode.insertBefore(j,f); \
})(window,document,'script','dataLayer','GTM-ZZZ'); Source link -3";

#[test]
fn a_scraped_page_is_cleaned() {
    let out = cleaner().run(PAGE);
    assert!(
        out.text.starts_with("Le conseil départemental"),
        "{}",
        out.text
    );
    for real in [
        "Le conseil départemental a adopté jeudi un plan de rénovation des collèges.",
        "Le chantier durera cinq ans.",
        "Les premiers travaux concernent dix établissements.",
        "Quelques élus ont demandé un calendrier plus précis.",
    ] {
        assert!(
            collapse(&out.text).contains(real),
            "lost {real:?} in {}",
            out.text
        );
    }
    for junk in [
        "Rewrite",
        "wordsLe",
        "LIRE AUSSI",
        "effectifs baissent",
        "Studio Nord",
        "Lucie",
        "Infolocale",
        "function",
        "GTM",
        "Source link",
    ] {
        assert!(!out.text.contains(junk), "{junk:?} left in {}", out.text);
    }
    let rules: Vec<&str> = out.removals.iter().map(|r| r.rule.as_str()).collect();
    for id in [
        "foreign-fragment",
        "read-also",
        "photo-credit",
        "editor-note",
        "read-more-site",
        "google-tag-manager",
        "source-link",
    ] {
        assert!(rules.contains(&id), "no `{id}` removal in {rules:?}");
    }
    for r in &out.removals {
        assert_eq!(
            PAGE.get(r.offset..r.offset + r.text.len()),
            Some(r.text.as_str()),
            "offset of {r:?}"
        );
    }
}

#[test]
fn a_line_preserving_scrape_is_cleaned() {
    let page = "Accueil › Région › Culture\n\nUn festival de jazz au bord du lac\n\n\
Par la rédaction | Publié le 02/07/2023 à 7h45\n\n© AFP\n\n\
Le festival revient pour sa dixième édition avec trente concerts gratuits.\n\n\
Partager sur Facebook Partager sur X Envoyer par e-mail\n\nPublicité\n\n\
Les organisateurs attendent vingt mille spectateurs sur trois jours.\n\n\
Sur le même sujet\n\nLa médiathèque rouvre ses portes\n\nUn nouveau marché bio le samedi !\n\n\
© Le Petit Riverain 2023 – Mentions légales Contact\n";
    let out = cleaner().run(page);
    assert_eq!(
        collapse(&out.text),
        "Un festival de jazz au bord du lac Le festival revient pour sa dixième édition avec \
trente concerts gratuits. Les organisateurs attendent vingt mille spectateurs sur trois jours."
    );
}

#[test]
fn english_names_in_french_sentences_are_kept() {
    let text = "Bruxelles veut créer des AI Factories pour les start-up. Les Big Tech dominent \
le marché des Graphics Processing Unit (GPU). Les programmes Horizon Europe et Digital Europe \
apporteront les fonds. Le projet s’appuie sur The Open Data Institute, selon la ministre.";
    let out = cleaner().run(text);
    assert_eq!(out.text, text, "removals: {:?}", out.removals);
}

#[test]
fn clean_text_is_returned_unchanged() {
    let text = "Le maire a présenté le budget. Les élus l’ont adopté à l’unanimité.\n\nLa séance a duré deux heures.";
    let out = cleaner().run(text);
    assert_eq!(out.text, text);
    assert!(out.removals.is_empty());
}

/// The embedded junk rules with every `needs` list removed: each rule then
/// runs on every text.
fn cleaner_without_needs() -> Cleaner {
    let (file, text) = Source::embedded()
        .text("rules/junk.yaml")
        .expect("embedded junk rules");
    let mut doc: serde_yaml::Value = serde_yaml::from_str(&text).expect("junk rules are YAML");
    let rules = doc
        .get_mut("rules")
        .and_then(|r| r.as_sequence_mut())
        .expect("a list of rules");
    let mut removed = 0;
    for rule in rules.iter_mut() {
        if let Some(map) = rule.as_mapping_mut() {
            removed += usize::from(map.remove("needs").is_some());
        }
    }
    assert!(removed >= 20, "only {removed} rules have `needs`");
    let text = serde_yaml::to_string(&doc).expect("YAML again");
    Cleaner::from_yaml(&file, &text).expect("rules without needs compile")
}

/// `needs` only skips rules that could not match: on every example of every
/// rule, on all of them glued into one page, and on the example articles, the
/// cleaner gives the same text and removals with and without them.
#[test]
fn needs_never_change_what_is_removed() {
    let fast = cleaner();
    let slow = cleaner_without_needs();
    let mut texts: Vec<String> = Vec::new();
    for info in fast.rule_infos() {
        texts.extend(info.examples.strip.iter().map(|e| e.text().to_string()));
        texts.extend(info.examples.keep.iter().cloned());
    }
    let page = texts.join(" ");
    let lines = texts.join("\n\n");
    texts.push(page);
    texts.push(lines);
    texts.push(PAGE.to_string());
    texts.push(include_str!("../examples/article-brut.txt").to_string());
    texts.push(include_str!("../examples/depeche-velo.txt").to_string());
    for text in &texts {
        let a = fast.run(text);
        let b = slow.run(text);
        assert_eq!(a.text, b.text, "on {text:?}");
        assert_eq!(a.removals, b.removals, "on {text:?}");
    }
}

/// Every embedded pattern compiles (they are compiled lazily at run time).
#[test]
fn every_embedded_pattern_compiles() {
    for rule in &cleaner().rules {
        rule.compile()
            .unwrap_or_else(|e| panic!("rule `{}`: {e}", rule.id));
    }
}
