//! A French syllable counter for the Flesch reading ease (Kandel & Moles).
//!
//! Written syllables are counted, not spoken ones: each group of vowel letters
//! is one syllable, then
//! - a final mute *-e*, *-es* or *-ent* after a consonant is not counted
//!   (*table*, *parlent*), except in *-ment* (*moment*, *rapidement*), and
//!   neither is the *-ue* of *-que*/*-gue* (*politique*, *langues*);
//! - two vowels that are pronounced apart (hiatus) count twice: *é* before
//!   another vowel (*réaliser*, *européenne*; not the final *-ée* of *année*),
//!   *ï*/*ë* after a vowel (*naïf*, *Noël*), *a* or *o* before *é*/*o*
//!   (*aéroport*, *poésie*, *alcool*), *y* between vowels (*moyen*, *payer*),
//!   *i*/*u* + vowel after a consonant and *r*/*l* (*client*, *ouvrier*,
//!   *cruel*), *u* + vowel after another consonant (*situation*, *actuel*).
//!
//! A word without any vowel letter (a symbol, an acronym such as *PDG*) has no
//! syllable, as in other Flesch implementations.

fn vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'à'
            | 'â'
            | 'ä'
            | 'e'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'i'
            | 'î'
            | 'ï'
            | 'o'
            | 'ô'
            | 'ö'
            | 'u'
            | 'ù'
            | 'û'
            | 'ü'
            | 'y'
            | 'œ'
            | 'æ'
    )
}

/// Syllables of one French word (0 when it has no vowel letter).
pub fn count(word: &str) -> usize {
    // a text repeats its words: each thread keeps the counts it has made
    // (a pure function of the word), up to a bound
    thread_local! {
        static COUNTS: std::cell::RefCell<std::collections::HashMap<String, usize, crate::fxhash::FxBuild>> =
            std::cell::RefCell::new(std::collections::HashMap::default());
    }
    COUNTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&n) = cache.get(word) {
            return n;
        }
        let n = count_uncached(word);
        if cache.len() >= 50_000 {
            cache.clear();
        }
        cache.insert(word.to_string(), n);
        n
    })
}

fn count_uncached(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphabetic())
        .collect();
    let n = w.len();
    if n == 0 {
        return 0;
    }
    let mut groups: isize = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    if groups == 0 {
        return 0;
    }
    let at = |i: usize| w.get(i).copied().unwrap_or(' ');
    let consonant = |c: char| c.is_alphabetic() && !vowel(c);
    // hiatus: a vowel pair pronounced as two syllables
    let mut extra: isize = 0;
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (w[i], w[i + 1]);
        if !vowel(a) || !vowel(b) {
            continue;
        }
        let final_mute_ee = b == 'e' && (i + 2 == n || (i + 3 == n && at(i + 2) == 's'));
        let hiatus = match a {
            'é' => !final_mute_ee,
            'a' => matches!(b, 'é' | 'è' | 'o' | 'ï' | 'ë'),
            'o' => matches!(b, 'é' | 'è' | 'o' | 'ï' | 'ë' | 'a'),
            'e' => matches!(b, 'ï' | 'ë'),
            'u' => {
                // not in qu-, gu-, and not a final -ue(s): statue, rue
                let before = if i > 0 { at(i - 1) } else { ' ' };
                let final_ue = b == 'e' && (i + 2 == n || (i + 3 == n && at(i + 2) == 's'));
                !matches!(before, 'q' | 'g')
                    && consonant(before)
                    && !final_ue
                    && matches!(b, 'a' | 'e' | 'é' | 'è' | 'o')
            }
            'i' => {
                // a consonant + r/l before i: pri-er, cli-ent, tri-omphe
                i >= 2
                    && matches!(at(i - 1), 'r' | 'l')
                    && matches!(at(i - 2), 'b' | 'c' | 'd' | 'f' | 'g' | 'p' | 't' | 'v')
                    && matches!(b, 'a' | 'e' | 'é' | 'è' | 'o')
                    && !(b == 'e' && (i + 2 == n || (i + 3 == n && at(i + 2) == 's')))
            }
            _ => false,
        };
        if hiatus {
            extra += 1;
        }
        // y between vowels: pa-yer, mo-yen, voya-ge
        if b == 'y' && i + 2 < n && vowel(at(i + 2)) && matches!(a, 'a' | 'e' | 'o' | 'u') {
            extra += 1;
        }
    }
    let ends = |s: &str| {
        let s: Vec<char> = s.chars().collect();
        n > s.len() && w[n - s.len()..] == s[..]
    };
    let mut mute: isize = 0;
    if ends("que") || ends("ques") || ends("quent") || ends("gue") || ends("gues") || ends("guent")
    {
        mute = 1;
    } else {
        let before = |k: usize| n > k && consonant(w[n - k - 1]);
        if (ends("e") && before(1))
            || (ends("es") && before(2))
            || (ends("ent") && before(3) && !ends("ment"))
        {
            mute = 1;
        }
    }
    let total = groups + extra;
    let total = if total > 1 { total - mute } else { total };
    total.max(1) as usize
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts() {
        assert_eq!(count("chat"), 1);
        assert_eq!(count("maison"), 2);
        assert_eq!(count("table"), 1);
        assert_eq!(count("européenne"), 4);
        assert_eq!(count("intelligence"), 4);
    }

    #[test]
    fn mute_endings_and_hiatus() {
        assert_eq!(count("parlent"), 1);
        assert_eq!(count("rapidement"), 4);
        assert_eq!(count("politique"), 3);
        assert_eq!(count("année"), 2);
        assert_eq!(count("réaliser"), 4);
        assert_eq!(count("moyen"), 2);
        assert_eq!(count("situation"), 4);
        assert_eq!(count("naïf"), 2);
        assert_eq!(count("l’usine"), 2);
        assert_eq!(count("PDG"), 0);
        assert_eq!(count(""), 0);
    }
}
