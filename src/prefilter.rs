//! What a text must hold for a pattern to match in it, read from the pattern
//! itself: literal pieces that every match contains ("<script" for
//! `<script\b.*?</script>`, one of "Partager", "Tweeter"… for an alternation
//! of them). Compiling a pattern costs far more than looking for a few
//! literals in a text, so a rule whose literals are not in the text is
//! skipped without compiling it: it could not have matched.
//!
//! The reading is conservative: what it cannot read (a class such as `\p{L}`,
//! a repeat that may be empty, a case-insensitive letter with more than two
//! cases, like `k` and the Kelvin sign) requires nothing. A pattern that does
//! not parse requires nothing either.
use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, Flag, RepetitionKind, RepetitionRange};

/// Whether `haystack` holds `needle`: the same answer as `str::contains`,
/// found with the vectorised substring search of `memchr` (a rule's words
/// and literals are looked for in a whole article several hundred times per
/// text; the standard library's Two-Way search reads it a byte at a time).
pub fn contains(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// Most strings an exact piece is expanded to (`(?:a|b)(?:c|d)` is four).
const MAX_EXACT: usize = 32;

/// A literal piece of text, compared with the text as it is, or with the
/// lowercased text when it comes from a case-insensitive part of the pattern
/// (it is lowercased then).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Lit {
    text: String,
    lower: bool,
}

impl Lit {
    fn empty() -> Lit {
        Lit {
            text: String::new(),
            lower: false,
        }
    }

    /// The two pieces one after the other (`None`: one is compared with the
    /// lowercased text and the other is not).
    fn join(&self, next: &Lit) -> Option<Lit> {
        if next.text.is_empty() {
            return Some(self.clone());
        }
        if self.text.is_empty() {
            return Some(next.clone());
        }
        (self.lower == next.lower).then(|| Lit {
            text: format!("{}{}", self.text, next.text),
            lower: self.lower,
        })
    }
}

/// What a text must hold for a pattern (or a piece of one) to match in it.
#[derive(Debug, Clone)]
pub enum Needs {
    /// Nothing known.
    Any,
    /// One of these pieces.
    OneOf(Vec<Lit>),
    /// Each of these.
    All(Vec<Needs>),
    /// One of these.
    Either(Vec<Needs>),
}

impl Needs {
    /// What a text must hold for `pattern` to match in it.
    pub fn of_pattern(pattern: &str) -> Needs {
        match ast::parse::Parser::new().parse(pattern) {
            Ok(ast) => Needs::of_ast(&ast),
            Err(_) => Needs::Any,
        }
    }

    /// What a text must hold for the pattern of this syntax tree (as
    /// `ast::parse::Parser::new()` reads it) to match in it.
    pub fn of_ast(ast: &Ast) -> Needs {
        let mut case_insensitive = false;
        shape(ast, &mut case_insensitive).into_needs()
    }

    /// Whether `text` (and `lower`, its lowercased form) holds what is needed.
    pub fn holds(&self, text: &str, lower: &str) -> bool {
        match self {
            Needs::Any => true,
            Needs::OneOf(lits) => lits.iter().any(|l| {
                if l.lower {
                    contains(lower, &l.text)
                } else {
                    contains(text, &l.text)
                }
            }),
            Needs::All(all) => all.iter().all(|n| n.holds(text, lower)),
            Needs::Either(any) => any.iter().any(|n| n.holds(text, lower)),
        }
    }

    /// One of these pieces (nothing, when one of them is empty).
    fn one_of(mut lits: Vec<Lit>) -> Needs {
        if lits.is_empty() || lits.iter().any(|l| l.text.is_empty()) {
            return Needs::Any;
        }
        lits.sort();
        lits.dedup();
        Needs::OneOf(lits)
    }

    fn all(parts: Vec<Needs>) -> Needs {
        let mut out = Vec::new();
        for p in parts {
            match p {
                Needs::Any => {}
                Needs::All(inner) => out.extend(inner),
                p => out.push(p),
            }
        }
        match out.len() {
            0 => Needs::Any,
            1 => out.pop().unwrap_or(Needs::Any),
            _ => Needs::All(out),
        }
    }

    fn either(parts: Vec<Needs>) -> Needs {
        if parts.is_empty() || parts.iter().any(|p| matches!(p, Needs::Any)) {
            return Needs::Any;
        }
        Needs::Either(parts)
    }
}

/// How a piece of a pattern matches.
enum Shape {
    /// Exactly one of these strings (the empty string for an assertion).
    Exact(Vec<Lit>),
    /// Other text, which needs this.
    Other(Needs),
}

impl Shape {
    fn into_needs(self) -> Needs {
        match self {
            Shape::Exact(lits) => Needs::one_of(lits),
            Shape::Other(n) => n,
        }
    }
}

/// Every string of `a` followed by every string of `b` (`None`: too many, or
/// pieces that cannot be joined).
fn cross(a: &[Lit], b: &[Lit]) -> Option<Vec<Lit>> {
    if a.len() * b.len() > MAX_EXACT {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(x.join(y)?);
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The one lowercase character that every case variant of `c` (as the
/// pattern's case-insensitive matching sees them) lowercases to, if there is
/// one: `s` has none (`ſ`, one of its cases, lowercases to itself), nor has
/// `σ` (`Σ` lowercases by context).
fn folded(c: char) -> Option<char> {
    fn lower(c: char) -> Option<char> {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if c != 'Σ' => Some(x),
            _ => None,
        }
    }
    if c.is_ascii() {
        // the ASCII letters' only other case variants: `ſ` (s), `K` (Kelvin
        // sign, lowercased to `k`)
        return (!c.eq_ignore_ascii_case(&'s')).then(|| c.to_ascii_lowercase());
    }
    let target = lower(c)?;
    let mut class =
        regex_syntax::hir::ClassUnicode::new([regex_syntax::hir::ClassUnicodeRange::new(c, c)]);
    class.try_case_fold_simple().ok()?;
    for range in class.iter() {
        for m in range.start()..=range.end() {
            if lower(m)? != target {
                return None;
            }
        }
    }
    Some(target)
}

/// A literal character of the pattern.
fn literal(c: char, case_insensitive: bool) -> Shape {
    if !case_insensitive {
        return Shape::Exact(vec![Lit {
            text: c.to_string(),
            lower: false,
        }]);
    }
    match folded(c) {
        Some(l) => Shape::Exact(vec![Lit {
            text: l.to_string(),
            lower: true,
        }]),
        None => Shape::Other(Needs::Any),
    }
}

/// A bracketed class of a few literal characters (`['’]`); anything else
/// needs nothing.
fn class(class: &ast::ClassBracketed, case_insensitive: bool) -> Shape {
    let items: Vec<&ClassSetItem> = match &class.kind {
        ClassSet::Item(ClassSetItem::Union(u)) => u.items.iter().collect(),
        ClassSet::Item(item) => vec![item],
        ClassSet::BinaryOp(_) => return Shape::Other(Needs::Any),
    };
    if class.negated || items.is_empty() || items.len() > 8 {
        return Shape::Other(Needs::Any);
    }
    let mut lits = Vec::new();
    for item in items {
        let ClassSetItem::Literal(l) = item else {
            return Shape::Other(Needs::Any);
        };
        match literal(l.c, case_insensitive) {
            Shape::Exact(mut one) => lits.append(&mut one),
            other => return other,
        }
    }
    lits.sort();
    lits.dedup();
    Shape::Exact(lits)
}

/// How `ast` matches; `case_insensitive` is the `i` flag where it starts,
/// changed by the flags it sets (a group restores it at its end).
fn shape(ast: &Ast, case_insensitive: &mut bool) -> Shape {
    match ast {
        Ast::Empty(_) | Ast::Assertion(_) => Shape::Exact(vec![Lit::empty()]),
        Ast::Flags(set) => {
            if let Some(on) = set.flags.flag_state(Flag::CaseInsensitive) {
                *case_insensitive = on;
            }
            Shape::Exact(vec![Lit::empty()])
        }
        Ast::Literal(l) => literal(l.c, *case_insensitive),
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => Shape::Other(Needs::Any),
        Ast::ClassBracketed(c) => class(c, *case_insensitive),
        Ast::Repetition(r) => {
            let inner = shape(&r.ast, case_insensitive);
            let (min, max) = match &r.op.kind {
                RepetitionKind::ZeroOrOne => (0, Some(1)),
                RepetitionKind::ZeroOrMore => (0, None),
                RepetitionKind::OneOrMore => (1, None),
                RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
                RepetitionKind::Range(RepetitionRange::Bounded(n, m)) => (*n, Some(*m)),
            };
            match (min, max, inner) {
                (0, Some(1), Shape::Exact(mut lits)) => {
                    lits.push(Lit::empty());
                    lits.sort();
                    lits.dedup();
                    Shape::Exact(lits)
                }
                (0, _, _) => Shape::Other(Needs::Any),
                (_, _, inner) => Shape::Other(inner.into_needs()),
            }
        }
        Ast::Group(g) => {
            let saved = *case_insensitive;
            if let ast::GroupKind::NonCapturing(flags) = &g.kind {
                if let Some(on) = flags.flag_state(Flag::CaseInsensitive) {
                    *case_insensitive = on;
                }
            }
            let inner = shape(&g.ast, case_insensitive);
            *case_insensitive = saved;
            inner
        }
        Ast::Alternation(alt) => {
            // in order: a flag set in one branch holds in the next ones
            let shapes: Vec<Shape> = alt
                .asts
                .iter()
                .map(|a| shape(a, case_insensitive))
                .collect();
            let exact: usize = shapes
                .iter()
                .map(|s| match s {
                    Shape::Exact(l) => l.len(),
                    Shape::Other(_) => MAX_EXACT + 1,
                })
                .sum();
            if exact <= MAX_EXACT {
                let mut lits: Vec<Lit> = shapes
                    .into_iter()
                    .flat_map(|s| match s {
                        Shape::Exact(l) => l,
                        Shape::Other(_) => Vec::new(),
                    })
                    .collect();
                lits.sort();
                lits.dedup();
                return Shape::Exact(lits);
            }
            Shape::Other(Needs::either(
                shapes.into_iter().map(Shape::into_needs).collect(),
            ))
        }
        Ast::Concat(concat) => {
            let mut all = Vec::new();
            let mut run = vec![Lit::empty()];
            let mut exact = true;
            for a in &concat.asts {
                match shape(a, case_insensitive) {
                    Shape::Exact(lits) => match cross(&run, &lits) {
                        Some(joined) => run = joined,
                        None => {
                            all.push(Needs::one_of(std::mem::replace(&mut run, lits)));
                            exact = false;
                        }
                    },
                    Shape::Other(n) => {
                        all.push(Needs::one_of(std::mem::replace(
                            &mut run,
                            vec![Lit::empty()],
                        )));
                        all.push(n);
                        exact = false;
                    }
                }
            }
            if exact {
                return Shape::Exact(run);
            }
            all.push(Needs::one_of(run));
            Shape::Other(Needs::all(all))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(pattern: &str, text: &str) -> bool {
        Needs::of_pattern(pattern).holds(text, &text.to_lowercase())
    }

    #[test]
    fn literals_of_every_branch_are_needed() {
        assert!(!holds(r"<script\b.*?</script>|<iframe\b", "un script"));
        assert!(holds(
            r"<script\b.*?</script>|<iframe\b",
            "a <iframe src=x>"
        ));
        assert!(!holds(r"(?:Partager|Tweeter)\s+sur", "partager sur"));
        assert!(holds(r"(?:Partager|Tweeter)\s+sur", "Tweeter sur"));
        assert!(!holds(r"Je m['’]abonne", "Je m`abonne"));
        assert!(holds(r"Je m['’]abonne", "Je m’abonne"));
    }

    #[test]
    fn case_insensitive_parts_are_compared_lowercased() {
        assert!(holds(r"(?i:seo)\s+\d+ mots", "SEO 700 mots"));
        assert!(!holds(r"(?i)lire\s+aussi", "LIRE ENCORE"));
        assert!(holds(r"(?i)lire\s+aussi", "LIRE AUSSI"));
        // flags set in a group end with it; set in a branch, hold in the next
        assert!(!holds(r"(?i:a)B", "ab"));
        assert!(holds(r"x(?i)y|ZZ", "zz"));
    }

    #[test]
    fn letters_with_more_than_two_cases_need_nothing() {
        // `(?i)s` also matches `ſ`, `(?i)k` the Kelvin sign
        assert!(holds(r"(?i)kilo", "\u{212a}ILO"));
        assert!(regex::Regex::new(r"(?i)mars").unwrap().is_match("maRſ"));
        assert!(holds(r"(?i)mars", "maRſ"));
    }

    #[test]
    fn ascii_letters_fold_as_the_case_tables_say() {
        for c in (0u8..128).map(char::from) {
            let mut class =
                regex_syntax::hir::ClassUnicode::new([regex_syntax::hir::ClassUnicodeRange::new(
                    c, c,
                )]);
            class.try_case_fold_simple().unwrap();
            let all_lower_alike = class.iter().all(|r| {
                (r.start()..=r.end()).all(|m| {
                    let l: Vec<char> = m.to_lowercase().collect();
                    l == [c.to_ascii_lowercase()]
                })
            });
            assert_eq!(folded(c).is_some(), all_lower_alike, "{c:?}");
        }
    }

    #[test]
    fn optional_and_unknown_pieces_need_nothing() {
        assert!(holds(r"a?b*\p{L}+", ""));
        assert!(holds(r"[^x]+", ""));
        assert!(holds(r"(", "")); // does not parse
        assert!(!holds(r"\bfbq\s*\(", "fbx("));
        assert!(holds(r"e-?mail", "email"));
        assert!(holds(r"e-?mail", "e-mail"));
    }
}
