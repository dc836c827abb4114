//! A French syllable counter for the Flesch reading ease (Kandel & Moles).

/// Syllables of one French word: vowel groups, with a final mute -e/-es/-ent
/// not counted after a consonant.
pub fn count(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aàâäeéèêëiîïoôöuùûüyœæ".contains(c);
    let mut groups = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = w.len();
    let ends = |s: &str| {
        let s: Vec<char> = s.chars().collect();
        n > s.len() && w[n - s.len()..] == s[..]
    };
    if groups > 1 {
        let before = |k: usize| n > k && !vowel(w[n - k - 1]);
        if (ends("e") && before(1))
            || (ends("es") && before(2))
            || (ends("ent") && before(3) && n > 5)
        {
            groups -= 1;
        }
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts() {
        assert_eq!(super::count("chat"), 1);
        assert_eq!(super::count("maison"), 2);
        assert_eq!(super::count("table"), 1);
        assert_eq!(super::count("européenne"), 4);
        assert_eq!(super::count("intelligence"), 4);
    }
}
