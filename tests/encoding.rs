//! Encodings a scrape can arrive in, through the CLI: each is normalised to the
//! same article as the clean UTF-8 text, or refused with a message.
use assert_cmd::Command;

const ARTICLE: &str = "La région Bretagne a lancé une consultation sur l’avenir des petites \
lignes ferroviaires. Les usagers peuvent répondre jusqu’au 15 mars : « Nous voulons \
garder nos trains », résume une élue de Quimper. Le réseau compte 1 200 kilomètres de \
voies, dont une partie très âgée. Pourquoi maintenant ? Parce que l’État a réduit ses \
crédits d’entretien l’été dernier. Les élus espèrent réunir des idées concrètes avant \
la fin de l’année ; ils publieront une synthèse détaillée en décembre.";

fn run(input: &[u8], args: &[&str]) -> (Vec<u8>, String, i32) {
    let out = Command::cargo_bin("rubrique")
        .unwrap()
        .arg("rewrite")
        .args(args)
        .write_stdin(input.to_vec())
        .output()
        .unwrap();
    (
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn reference() -> Vec<u8> {
    let (out, err, code) = run(ARTICLE.as_bytes(), &[]);
    assert_eq!(code, 0, "{err}");
    out
}

fn assert_same_article(name: &str, input: &[u8]) {
    let (out, err, code) = run(input, &[]);
    assert_eq!(code, 0, "{name}: {err}");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        String::from_utf8(reference()).unwrap(),
        "{name}: not the same article as the clean text"
    );
}

#[test]
fn utf8_with_bom() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(ARTICLE.as_bytes());
    assert_same_article("BOM", &input);
}

#[test]
fn crlf_and_cr_line_endings() {
    let lines = ARTICLE.replace(". ", ".\n");
    let (lf, err, code) = run(lines.as_bytes(), &[]);
    assert_eq!(code, 0, "{err}");
    let (crlf, _, _) = run(lines.replace('\n', "\r\n").as_bytes(), &[]);
    let (cr, _, _) = run(lines.replace('\n', "\r").as_bytes(), &[]);
    assert_eq!(crlf, lf, "CRLF differs from LF");
    assert_eq!(cr, lf, "CR differs from LF");
    assert!(!String::from_utf8(lf).unwrap().contains('\r'));
}

/// UTF-8 bytes read as Windows-1252 and written again as UTF-8.
fn mojibake(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            0x80 => '€',
            0x82 => '‚',
            0x83 => 'ƒ',
            0x84 => '„',
            0x85 => '…',
            0x86 => '†',
            0x87 => '‡',
            0x88 => 'ˆ',
            0x89 => '‰',
            0x8A => 'Š',
            0x8B => '‹',
            0x8C => 'Œ',
            0x8E => 'Ž',
            0x91 => '‘',
            0x92 => '’',
            0x93 => '“',
            0x94 => '”',
            0x95 => '•',
            0x96 => '–',
            0x97 => '—',
            0x98 => '˜',
            0x99 => '™',
            0x9A => 'š',
            0x9B => '›',
            0x9C => 'œ',
            0x9E => 'ž',
            0x9F => 'Ÿ',
            b => char::from(b),
        })
        .collect()
}

#[test]
fn latin1_mojibake_is_repaired() {
    let broken = mojibake(ARTICLE);
    assert!(broken.contains("Ã©") && broken.contains("â€™"), "{broken}");
    assert_same_article("mojibake", broken.as_bytes());
}

#[test]
fn raw_latin1_bytes_are_refused_with_the_byte_offset() {
    // "La région…" in Latin-1: é is the single byte 0xE9 at offset 4
    let latin1: Vec<u8> = ARTICLE
        .chars()
        .map(|c| u32::from(c).try_into().unwrap_or(b'?'))
        .collect();
    let (out, err, code) = run(&latin1, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("byte offset 4"), "{err}");
    assert!(err.contains("0xe9"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn truncated_utf8_at_the_end_is_refused() {
    let mut input = ARTICLE.as_bytes().to_vec();
    input.extend_from_slice(&"é".as_bytes()[..1]);
    let (_, err, code) = run(&input, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains(&format!("byte offset {}", ARTICLE.len())),
        "{err}"
    );
}

#[test]
fn utf16_is_refused_as_not_text() {
    let mut input = vec![0xFF, 0xFE];
    for u in ARTICLE.encode_utf16() {
        input.extend_from_slice(&u.to_le_bytes());
    }
    let (out, err, code) = run(&input, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
}

#[test]
fn nbsp_variants_are_the_same_as_spaces() {
    for space in ['\u{A0}', '\u{202F}', '\u{2007}', '\u{2009}'] {
        let input = ARTICLE
            .replace(" :", &format!("{space}:"))
            .replace(" ?", &format!("{space}?"))
            .replace(" ;", &format!("{space};"))
            .replace("« ", &format!("«{space}"))
            .replace(" »", &format!("{space}»"))
            .replace("1 200", &format!("1{space}200"));
        assert_same_article(&format!("U+{:04X}", space as u32), input.as_bytes());
        let entity = ARTICLE.replace(" :", "&nbsp;:").replace("« ", "«&#160;");
        assert_same_article("&nbsp;", entity.as_bytes());
    }
}

#[test]
fn zero_width_characters_are_removed() {
    for zw in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{AD}',
    ] {
        let input: String = ARTICLE
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                if i % 3 == 0 && w.chars().count() > 3 {
                    let mid = w.char_indices().nth(2).unwrap().0;
                    format!("{}{zw}{}", &w[..mid], &w[mid..])
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert_same_article(&format!("U+{:04X}", zw as u32), input.as_bytes());
    }
}

#[test]
fn combining_accents_are_composed() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = ARTICLE.nfd().collect();
    assert_ne!(nfd, ARTICLE);
    assert_same_article("NFD", nfd.as_bytes());
}

#[test]
fn all_at_once() {
    use unicode_normalization::UnicodeNormalization;
    let mut input = b"\xEF\xBB\xBF".to_vec();
    let text: String = ARTICLE
        .replace(". ", ".\r\n")
        .replace(" :", "\u{202F}:")
        .nfd()
        .collect();
    input.extend_from_slice(text.as_bytes());
    let (clean, _, _) = run(ARTICLE.replace(". ", ".\n").as_bytes(), &[]);
    let (out, err, code) = run(&input, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, clean);
}

#[test]
fn nul_bytes_are_refused_as_binary() {
    let mut input = ARTICLE.as_bytes().to_vec();
    input.insert(20, 0);
    let (_, err, code) = run(&input, &[]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("byte offset 20"), "{err}");
}

#[test]
fn empty_and_blank_inputs_are_refused() {
    for input in [
        &b""[..],
        b"   \n\r\n\t ",
        b"\xEF\xBB\xBF",
        "\u{A0}\u{200B}\n".as_bytes(),
    ] {
        let (out, err, code) = run(input, &[]);
        assert_eq!(code, 3, "{input:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("empty"), "{err}");
    }
}
