//! The shared annotation texts of a catalog: full annotations get a short key (`A0001`),
//! #-annotations are keyed by symbol and export (`#14@index-2017-04-21`), so that a text
//! shared by 25,000 orchids is stored once.

use crate::catalog::model::{AnnotationText, hash_key};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Default, Clone)]
pub struct Annotations {
    by_key: BTreeMap<String, String>,
    full_by_text: HashMap<String, String>,
    next: usize,
}

impl Annotations {
    pub fn from_texts(texts: &[AnnotationText]) -> Annotations {
        let mut a = Annotations::default();
        for t in texts {
            a.by_key.insert(t.key.clone(), t.text.clone());
            if let Some(n) = t
                .key
                .strip_prefix('A')
                .and_then(|n| n.parse::<usize>().ok())
            {
                a.full_by_text.insert(t.text.clone(), t.key.clone());
                a.next = a.next.max(n);
            }
        }
        a
    }

    /// The key of a full annotation text, adding it when new.
    pub fn full(&mut self, text: &str) -> String {
        if let Some(key) = self.full_by_text.get(text) {
            return key.clone();
        }
        self.next += 1;
        let key = format!("A{:04}", self.next);
        self.full_by_text.insert(text.to_string(), key.clone());
        self.by_key.insert(key.clone(), text.to_string());
        key
    }

    /// Records the text of a #-annotation symbol in an export.
    pub fn hash(&mut self, symbol: &str, export: &str, text: &str) {
        self.by_key
            .entry(hash_key(symbol, export))
            .or_insert_with(|| text.to_string());
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.by_key.get(key).map(String::as_str)
    }

    /// The texts still referred to by `used` keys, in key order.
    pub fn retain(&self, used: &BTreeSet<String>) -> Vec<AnnotationText> {
        self.by_key
            .iter()
            .filter(|(k, _)| used.contains(*k))
            .map(|(k, t)| AnnotationText {
                key: k.clone(),
                text: t.clone(),
            })
            .collect()
    }
}
