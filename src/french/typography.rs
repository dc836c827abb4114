//! French typography for what rubrique writes: ’ for the apostrophe, « » with
//! non-breaking spaces inside, a non-breaking space before ; : ! ? and %.

/// Non-breaking space before `:` and inside guillemets.
pub const NBSP: char = '\u{00A0}';
/// Narrow non-breaking space before `;`, `!`, `?`.
pub const NNBSP: char = '\u{202F}';

/// Apply French typography to a text (idempotent).
pub fn apply(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    // inside a token that looks like a URL or e-mail: leave it alone (one pass
    // per token, not one per punctuation mark: tokens may be megabytes long)
    let mut url = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        let end = chars[start..]
            .iter()
            .position(|c| c.is_whitespace())
            .map_or(chars.len(), |p| start + p);
        let token: String = chars[start..end].iter().collect();
        if token.contains("://") || token.starts_with("www.") || token.contains('@') {
            url[start..end].fill(true);
        }
        start = end + 1;
    }
    let in_url = |k: usize| url[k];
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\'' if i > 0 && chars[i - 1].is_alphabetic() => out.push('’'),
            ';' | '!' | '?' | ':' | '%' | '»' => {
                let is_double_punct = matches!(c, ';' | '!' | '?' | ':');
                let digits_around = c == ':'
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                let needs_space = i > 0
                    && !digits_around
                    && !in_url(i)
                    && (!is_double_punct || !matches!(chars[i - 1], '!' | '?' | ';' | ':'))
                    && !matches!(chars[i - 1], '(' | '[' | '\n');
                if needs_space {
                    while out.ends_with([' ', NBSP, NNBSP]) {
                        out.pop();
                    }
                    out.push(if matches!(c, ':' | '»' | '%') {
                        NBSP
                    } else {
                        NNBSP
                    });
                }
                out.push(c);
            }
            '«' => {
                out.push(c);
                while chars
                    .get(i + 1)
                    .is_some_and(|n| *n == ' ' || *n == NBSP || *n == NNBSP)
                {
                    i += 1;
                }
                out.push(NBSP);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spacing() {
        assert_eq!(
            apply("Il a dit: « oui »!"),
            "Il a dit\u{a0}: «\u{a0}oui\u{a0}»\u{202f}!"
        );
        assert_eq!(apply("l'IA à 10 %"), "l’IA à 10\u{a0}%");
        assert_eq!(
            apply("voir https://ex.fr/a?b=1"),
            "voir https://ex.fr/a?b=1"
        );
        assert_eq!(apply("à 10:30"), "à 10:30");
        let once = apply("Quoi ? Oui !");
        assert_eq!(apply(&once), once);
    }
}
