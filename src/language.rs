//! Stage 3: the language of the cleaned text. Non-French input is refused with
//! the detected language and its confidence.
use crate::error::Refusal;
use crate::model::Language;

/// Fewer words than this and whatlang's guess is not worth a refusal.
const MIN_WORDS: usize = 3;

/// Detect the language; `Ok` only for French.
pub fn detect(text: &str) -> Result<Language, Refusal> {
    // (only whether there are that many matters)
    let words = crate::french::words(text).take(MIN_WORDS).count();
    if words < MIN_WORDS {
        return Err(Refusal::TooShort { words });
    }
    // Judge on a bounded sample: the language of a long text shows in its first
    // pages, and detection time stays flat.
    let sample = bounded(text, 20_000);
    match whatlang::detect(sample) {
        Some(info) if info.lang() == whatlang::Lang::Fra => Ok(Language {
            code: "fr".into(),
            confidence: round2(info.confidence()),
        }),
        Some(info) => Err(Refusal::NotFrench {
            lang: format!("{} ({})", info.lang().eng_name(), info.lang().code()),
            confidence: round2(info.confidence()),
        }),
        None => Err(Refusal::NotFrench {
            lang: "unknown".into(),
            confidence: 0.0,
        }),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn bounded(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_accepted_english_refused() {
        assert!(detect("La Commission européenne présentera sa stratégie pour les entreprises d’ici la fin du mois de janvier.").is_ok());
        let e = detect("The European Commission will present its strategy for companies by the end of January.").unwrap_err();
        assert!(matches!(e, Refusal::NotFrench { ref lang, .. } if lang.contains("eng")));
    }
}
