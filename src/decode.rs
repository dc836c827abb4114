//! Stage 1: raw bytes to clean Unicode text.
//!
//! UTF-8 only (a clear error with the byte offset otherwise), BOM removed, line
//! endings unified, Latin-1 mojibake repaired, HTML entities decoded,
//! zero-width characters removed, non-breaking spaces made plain (the renderer
//! puts French typography back), and NFC composition.
use crate::error::Refusal;
use unicode_normalization::UnicodeNormalization;

/// Decode raw input bytes into normalised text.
pub fn decode(bytes: &[u8]) -> Result<String, Refusal> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Refusal::Empty);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            return Err(Refusal::NotUtf8 {
                offset,
                byte: bytes[offset],
            });
        }
    };
    if let Some(offset) = text.find('\0') {
        return Err(Refusal::Binary { offset });
    }
    let text = repair_mojibake(text);
    let text = decode_entities(&text);
    // most texts are already in NFC: composing them again is the costliest
    // part of this stage, and changes nothing
    let composed: std::borrow::Cow<str> = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(&text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    };
    let mut out = String::with_capacity(composed.len());
    let mut chars = composed.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
            | '\u{2003}' | '\u{3000}' | '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            c if c.is_control() && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    if out.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(out)
}

/// Text that was UTF-8, read as Latin-1/Windows-1252, and written again as UTF-8
/// ("Ã©" for "é"). Repaired when the marks of it are frequent and the reverse
/// mapping gives valid UTF-8; otherwise left alone.
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    let marks = text
        .as_bytes()
        .windows(2)
        .filter(|w| w[0] == 0xC3 && matches!(w[1], 0x82 | 0x83 | 0xA2))
        .count();
    if marks < 2 || !(text.contains('Ã') || text.contains('Â')) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        let b = match c as u32 {
            0..=0x7F | 0xA0..=0xFF => c as u32 as u8,
            _ => match cp1252_byte(c) {
                Some(b) => b,
                None => return std::borrow::Cow::Borrowed(text),
            },
        };
        bytes.push(b);
    }
    match String::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Owned(s),
        Err(_) => std::borrow::Cow::Borrowed(text),
    }
}

fn cp1252_byte(c: char) -> Option<u8> {
    const TABLE: &[(char, u8)] = &[
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    TABLE.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b)
}

/// Decode the HTML entities a scrape commonly leaves (named French letters,
/// punctuation and numeric references). Unknown entities are left as written.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail[1..]
            .char_indices()
            .take(10)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j + 1);
        let decoded = end.and_then(|e| entity(&tail[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{A0}'),
        ("laquo", '«'),
        ("raquo", '»'),
        ("rsquo", '’'),
        ("lsquo", '‘'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("hellip", '…'),
        ("ndash", '–'),
        ("mdash", '—'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("ecirc", 'ê'),
        ("euml", 'ë'),
        ("agrave", 'à'),
        ("acirc", 'â'),
        ("ccedil", 'ç'),
        ("icirc", 'î'),
        ("iuml", 'ï'),
        ("ocirc", 'ô'),
        ("ugrave", 'ù'),
        ("ucirc", 'û'),
        ("uuml", 'ü'),
        ("oelig", 'œ'),
        ("aelig", 'æ'),
        ("Eacute", 'É'),
        ("Egrave", 'È'),
        ("Ecirc", 'Ê'),
        ("Agrave", 'À'),
        ("Ccedil", 'Ç'),
        ("OElig", 'Œ'),
        ("euro", '€'),
        ("copy", '©'),
        ("deg", '°'),
        ("shy", '\u{AD}'),
        ("thinsp", '\u{2009}'),
        ("nnbsp", '\u{202F}'),
    ];
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_invalid_utf8_with_offset() {
        assert_eq!(
            decode(b"abc\xffdef"),
            Err(Refusal::NotUtf8 {
                offset: 3,
                byte: 0xff
            })
        );
    }

    #[test]
    fn bom_crlf_entities_nbsp_zero_width() {
        let t = decode("\u{FEFF}L&rsquo;été\r\nbien\u{200B}tôt\u{00A0}!".as_bytes()).unwrap();
        assert_eq!(t, "L’été\nbientôt !");
    }

    #[test]
    fn nfd_becomes_nfc() {
        assert_eq!(decode("e\u{301}te\u{301}".as_bytes()).unwrap(), "été");
    }

    #[test]
    fn mojibake_repaired() {
        assert_eq!(
            decode("Le rÃ©sumÃ© de lâ€™Ã©tÃ©".as_bytes()).unwrap(),
            "Le résumé de l’été"
        );
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b"  \n "), Err(Refusal::Empty));
        assert_eq!(decode(b"ab\0cd"), Err(Refusal::Binary { offset: 2 }));
    }
}
