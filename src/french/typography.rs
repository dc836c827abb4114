//! French typography for what rubrique writes: ’ for the apostrophe, « » with
//! non-breaking spaces inside, a non-breaking space before ; : ! ? and %, a
//! non-breaking space between a number and its unit (12\u{a0}ans, 500\u{a0}euros)
//! and narrow ones between the digit groups of a large number (120\u{202f}000),
//! as Grammalecte asks.

/// Non-breaking space before `:` and inside guillemets.
pub const NBSP: char = '\u{00A0}';
/// Narrow non-breaking space before `;`, `!`, `?`.
pub const NNBSP: char = '\u{202F}';

/// Apply French typography to a text (idempotent).
pub fn apply(text: &str) -> String {
    apply_with(text, true)
}

/// French spacing only (idempotent): every change of [`apply`] but the
/// apostrophe, which stays as the author wrote it.
pub fn spacing(text: &str) -> String {
    apply_with(text, false)
}

fn apply_with(text: &str, apostrophes: bool) -> String {
    // only apostrophes, « », ; ! ? : % and spaces after digits change: a text
    // without any of them is returned as it is
    let punctuated = text
        .bytes()
        .any(|b| matches!(b, b'\'' | b';' | b'!' | b'?' | b':' | b'%'))
        || text.contains(['«', '»']);
    if !punctuated {
        return number_spacing(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    // inside a token that looks like a URL or e-mail: leave it alone (one pass
    // per token, not one per punctuation mark: tokens may be megabytes long)
    let mut url = vec![false; chars.len()];
    let mut start = 0;
    // (no token can be one when the text holds none of their marks)
    if !(text.contains("://") || text.contains("www.") || text.contains('@')) {
        start = chars.len();
    }
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
            '\'' if apostrophes && i > 0 && chars[i - 1].is_alphabetic() => out.push('’'),
            ';' | '!' | '?' | ':' | '%' | '»' => {
                let is_double_punct = matches!(c, ';' | '!' | '?' | ':');
                let digits_around = c == ':'
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                // a mark inside a token (« tl;pl », « Yahoo!Mail ») is no
                // punctuation of the sentence
                let inside_token = is_double_punct
                    && i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                let needs_space = i > 0
                    && !digits_around
                    && !inside_token
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
    number_spacing(&out)
}

/// Units after which Grammalecte wants a non-breaking space (its `unit` rules).
fn is_unit(t: &str) -> bool {
    const WORDS: &[&str] = &[
        "%", "‰", "€", "$", "£", "¥", "Å", "ℓ", "h", "j", "min", "jour", "jours", "semaines",
        "mois", "an", "ans", "euro", "euros", "heure", "heures", "px", "MHz", "°C", "℃",
    ];
    if WORDS.contains(&t) {
        return true;
    }
    // [kcmµn]?(s|l|g|J|K|V|Ω|m|m²|m³|W|Wh|Hz|dB)
    let base = t
        .strip_prefix(['k', 'c', 'm', 'µ', 'n'])
        .filter(|b| !b.is_empty())
        .unwrap_or(t);
    matches!(
        base,
        "s" | "l" | "g" | "J" | "K" | "V" | "Ω" | "m" | "m²" | "m³" | "W" | "Wh" | "Hz" | "dB"
    ) || matches!(t, "m" | "m²" | "m³")
}

/// Non-breaking spaces inside numbers and before units (idempotent): a space
/// between digit groups of three becomes a narrow NBSP, a space between a
/// number and a unit an NBSP.
fn number_spacing(text: &str) -> String {
    // only a space after a digit can change
    if !text
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1] == b' ')
    {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' || i == 0 || !chars[i - 1].is_ascii_digit() {
            out.push(c);
            continue;
        }
        // the number before the space: digits back to its start
        let mut s = i;
        while s > 0 && chars[s - 1].is_ascii_digit() {
            s -= 1;
        }
        let glued = s > 0
            && (word(chars[s - 1]) || matches!(chars[s - 1], '.' | ',' | '–' | '-' | '/' | ':'));
        let grouped = s > 0 && chars[s - 1] == NNBSP;
        // the next token
        let mut e = i + 1;
        while e < chars.len()
            && !chars[e].is_whitespace()
            && !matches!(
                chars[e],
                ',' | '.' | ';' | ')' | '’' | '\'' | '!' | '?' | ':' | '*'
            )
        {
            e += 1;
        }
        let next: String = chars[i + 1..e].iter().collect();
        let after = chars.get(e).copied();
        let three_digits = next.len() == 3 && next.chars().all(|d| d.is_ascii_digit());
        let digits_before = i - s;
        if three_digits && (1..=3).contains(&digits_before) && (!glued || grouped) {
            // 120 000, but not a code (v1.200 300) or a glued number
            out.push(NNBSP);
            continue;
        }
        let decimal = s > 0 && chars[s - 1] == ',';
        let unit_ok = is_unit(&next)
            && !after.is_some_and(|a| matches!(a, '’' | '\'' | '-' | '–') || word(a));
        if unit_ok && (!glued || grouped || decimal) {
            out.push(NBSP);
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacing_leaves_the_apostrophe_as_written() {
        assert_eq!(
            spacing("Pourquoi l'IA ? Le bilan : 12 ans"),
            "Pourquoi l'IA\u{202f}? Le bilan\u{a0}: 12\u{a0}ans"
        );
        assert_eq!(spacing(&spacing("Quoi ? ")), spacing("Quoi ? "));
    }

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
        // a mark inside a token is left alone
        assert_eq!(apply("tl;pl : trop long"), "tl;pl\u{a0}: trop long");
        let once = apply("Quoi ? Oui !");
        assert_eq!(apply(&once), once);
        assert_eq!(
            apply("120 000 euros, 12 ans, 5 km et 2 tonnes"),
            "120\u{202f}000\u{a0}euros, 12\u{a0}ans, 5\u{a0}km et 2 tonnes"
        );
        assert_eq!(apply("en 2021 2 fois, GPT-4 h"), "en 2021 2 fois, GPT-4 h");
        let n = apply("2,5 millions d’euros et 1 200 000 habitants");
        assert_eq!(
            n,
            "2,5 millions d’euros et 1\u{202f}200\u{202f}000 habitants"
        );
        assert_eq!(apply(&n), n);
    }
}
