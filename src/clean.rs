//! Stage 2: strips tracking scripts and page boilerplate by the rules of
//! `rules/junk.yaml`, recording every removal with its rule id.
use crate::error::Result;
use crate::model::Removal;
use crate::rules::{compile_regex, Source};
use serde::Deserialize;

const FILE: &str = "rules/junk.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JunkFile {
    rules: Vec<RuleDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: String,
    #[serde(default)]
    description: String,
    pattern: String,
    #[serde(default)]
    examples: Examples,
}

/// Text a rule must strip and text it must keep (run by the test suite).
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    #[serde(default)]
    pub strip: Vec<String>,
    #[serde(default)]
    pub keep: Vec<String>,
}

/// One compiled junk rule.
pub struct Rule {
    pub id: String,
    pub description: String,
    pub regex: regex::Regex,
    pub examples: Examples,
}

/// The cleaned text and what was removed from it.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    pub removals: Vec<Removal>,
}

/// The compiled junk rules.
pub struct Cleaner {
    pub rules: Vec<Rule>,
}

impl Cleaner {
    pub fn load(source: &Source) -> Result<Cleaner> {
        let (file, text) = source.text(FILE)?;
        let def: JunkFile = crate::rules::parse_yaml(&file, &text)?;
        let mut rules = Vec::new();
        for r in def.rules {
            let regex = compile_regex(&file, &r.id, &r.pattern)?;
            rules.push(Rule {
                id: r.id,
                description: r.description,
                regex,
                examples: r.examples,
            });
        }
        Ok(Cleaner { rules })
    }

    /// Apply every rule in order; removed spans become a line break so that the
    /// text on either side stays apart.
    pub fn run(&self, text: &str) -> Cleaned {
        let mut current = text.to_string();
        let mut removals = Vec::new();
        for rule in &self.rules {
            if !rule.regex.is_match(&current) {
                continue;
            }
            let mut out = String::with_capacity(current.len());
            let mut last = 0;
            for m in rule.regex.find_iter(&current) {
                if m.as_str().trim().is_empty() {
                    continue;
                }
                out.push_str(&current[last..m.start()]);
                out.push('\n');
                removals.push(Removal {
                    rule: rule.id.clone(),
                    text: m.as_str().trim().to_string(),
                    offset: m.start(),
                });
                last = m.end();
            }
            out.push_str(&current[last..]);
            current = out;
        }
        Cleaned {
            text: current,
            removals,
        }
    }
}
