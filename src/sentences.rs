//! Stage 4: French sentence boundaries.
//!
//! A boundary is a terminal mark (. ! ? … and their runs), optionally followed by
//! closing quotes or brackets, then white space and a plausible sentence start.
//! It is vetoed after an abbreviation of `lexicons/abbreviations.txt`, an
//! initial (J. Dupont), inside a number (2,1 or 3.5) or a URL, and inside
//! « guillemets » when the quotation goes on in lowercase.
use crate::error::Result;
use crate::rules::Source;
use std::collections::HashSet;
use std::ops::Range;

const FILE: &str = "lexicons/abbreviations.txt";

/// The compiled splitter.
pub struct Splitter {
    abbreviations: HashSet<String>,
    /// Abbreviations written with inner periods or spaces ("p. ex", "J.-C").
    multi: Vec<String>,
}

impl Splitter {
    pub fn load(source: &Source) -> Result<Splitter> {
        let mut abbreviations = HashSet::new();
        let mut multi = Vec::new();
        for a in source.lines(FILE)? {
            if a.contains(['.', ' ']) {
                multi.push(a);
            } else {
                abbreviations.insert(a);
            }
        }
        multi.sort_by_key(|m| std::cmp::Reverse(m.len()));
        Ok(Splitter {
            abbreviations,
            multi,
        })
    }

    /// Sentences of `text` as byte ranges, trimmed of surrounding white space.
    /// A blank line always ends a sentence.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let mut k = 0;
        let mut quote_depth: i32 = 0;
        while k < n {
            let (i, c) = chars[k];
            match c {
                '«' | '“' => quote_depth += 1,
                '»' | '”' => quote_depth = (quote_depth - 1).max(0),
                _ => {}
            }
            if c == '\n' {
                // blank line: hard boundary
                let mut j = k + 1;
                while j < n && chars[j].1 != '\n' && chars[j].1.is_whitespace() {
                    j += 1;
                }
                if j < n && chars[j].1 == '\n' {
                    push(&mut out, text, start, i);
                    start = chars[j].0;
                    quote_depth = 0;
                    k = j + 1;
                    continue;
                }
            }
            if matches!(c, '.' | '!' | '?' | '…') {
                // run of terminal marks and closers
                let mut j = k + 1;
                while j < n && matches!(chars[j].1, '.' | '!' | '?' | '…') {
                    j += 1;
                }
                let mut closed_quote = false;
                while j < n && matches!(chars[j].1, '»' | '”' | '"' | ')' | ']' | '’' | '\'') {
                    if matches!(chars[j].1, '»' | '”') {
                        closed_quote = true;
                        quote_depth = (quote_depth - 1).max(0);
                    }
                    j += 1;
                }
                // must be followed by white space (or the end)
                if j < n && !chars[j].1.is_whitespace() {
                    k = j;
                    continue;
                }
                let mut s = j;
                while s < n && chars[s].1.is_whitespace() {
                    s += 1;
                }
                let end_byte = if j < n { chars[j].0 } else { text.len() };
                if s >= n {
                    break;
                }
                let next = chars[s].1;
                let next_starts = next.is_uppercase()
                    || next.is_ascii_digit()
                    || matches!(
                        next,
                        '«' | '“' | '"' | '(' | '[' | '-' | '–' | '—' | '¿' | '¡'
                    );
                let ok = next_starts
                    && !(c == '.' && j == k + 1 && self.vetoed(text, &chars, k))
                    && !(quote_depth > 0 && !closed_quote && !next.is_uppercase());
                if ok {
                    push(&mut out, text, start, end_byte);
                    start = chars[s].0;
                    if !closed_quote {
                        // a boundary inside quotes closes nothing
                    }
                    quote_depth = quote_depth.max(0);
                    k = s;
                    continue;
                }
                k = j;
                continue;
            }
            k += 1;
        }
        push(&mut out, text, start, text.len());
        out
    }

    /// Is the period at char index `k` part of an abbreviation, an initial or a number?
    fn vetoed(&self, text: &str, chars: &[(usize, char)], k: usize) -> bool {
        let dot = chars[k].0;
        // the token before the period
        let mut b = k;
        while b > 0
            && !chars[b - 1].1.is_whitespace()
            && !matches!(chars[b - 1].1, '(' | '«' | '"' | '[')
        {
            b -= 1;
        }
        let token = &text[chars[b].0..dot];
        if token.is_empty() {
            return false;
        }
        let bare = token.trim_start_matches(|c: char| !c.is_alphanumeric());
        if self.abbreviations.contains(bare) {
            return true;
        }
        // multi-part abbreviations ending here: "p. ex", "J.-C", "c.-à-d"
        let before = &text[..dot];
        if self
            .multi
            .iter()
            .any(|m| before.ends_with(m.as_str()) && boundary_before(before, m.len()))
        {
            return true;
        }
        // an initial: one uppercase letter (J. Dupont) or dotted initials (U.S.)
        let letters: Vec<char> = bare.chars().collect();
        if letters.len() == 1 && letters[0].is_uppercase() {
            return true;
        }
        if bare.contains('.') && bare.split('.').all(|p| p.chars().count() <= 2) {
            return true;
        }
        // a URL or a domain name ending a token is not a sentence end by itself:
        // only when the next char is not white space, handled by the caller
        false
    }
}

fn boundary_before(before: &str, len: usize) -> bool {
    let head = &before[..before.len() - len];
    head.is_empty() || head.ends_with(|c: char| c.is_whitespace() || c == '(')
}

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<String> {
        let s = Splitter::load(&Source::embedded()).unwrap();
        s.split(t).into_iter().map(|r| t[r].to_string()).collect()
    }

    #[test]
    fn abbreviations_decimals_quotes() {
        assert_eq!(
            split("M. Dupont et Mme Durand ont voté. Le budget atteint 2,1 milliards. Fin."),
            [
                "M. Dupont et Mme Durand ont voté.",
                "Le budget atteint 2,1 milliards.",
                "Fin."
            ]
        );
        assert_eq!(
            split("Il a dit : « Quoi ? Non ! » puis il est parti. Voir l’art. 3 du code."),
            [
                "Il a dit : « Quoi ? Non ! » puis il est parti.",
                "Voir l’art. 3 du code."
            ]
        );
        assert_eq!(split("Attendez… Oui."), ["Attendez…", "Oui."]);
        assert_eq!(
            split("Voir www.exemple.fr pour la suite. Signé J. Martin."),
            ["Voir www.exemple.fr pour la suite.", "Signé J. Martin."]
        );
    }
}
