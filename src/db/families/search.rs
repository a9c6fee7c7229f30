//! The Families list, a page at a time: the families whose text holds every typed word and
//! that pass the filters, in Swedish name order. `family_search` (migration 14) holds each
//! family's folded text in a trigram index.
//!
//! A query with a word of three letters or more first asks the index how many families hold
//! those words: up to [`MATCH_CAP`] they are all read, ordered, and the page taken from them.
//! Otherwise (no such word, or more matches) the list is walked in name order, each family's
//! text tested, until the page is read; the matches are then counted up to the cap. Either way
//! one read looks at a bounded number of families, whatever the register's size.

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::db::{ReadTx, Result};
use crate::domain::enums::Protection;
use crate::domain::family_list::{FamilyChoices, FamilyPage, FamilyQuery, MATCH_CAP};
use crate::domain::views::FamilyIndexEntry;

/// The Swedish order of family `f`'s name (case ignored, å, ä, ö after z), the expression of
/// the index `family_name_order`, which reads use to walk the list in order.
pub const NAME_ORDER: &str = "replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(f.display_name), 'å', '{'), 'Å', '{'), 'ä', '|'), 'Ä', '|'), 'æ', '|'), 'Æ', '|'), 'ö', '}'), 'Ö', '}'), 'ø', '}'), 'Ø', '}'), f.family_ref";

/// A word's LIKE pattern: anywhere in the text, its own `%`, `_` and `\` taken literally.
fn like(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    out.push('%');
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The words of three letters or more as one full-text query: each a quoted string (a substring
/// for the trigram index), all of them required.
fn match_expr(words: &[&String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The filters as conditions on `f`, their values appended to `args`.
fn filters(q: &FamilyQuery, args: &mut Vec<Value>) -> String {
    let mut sql = String::new();
    for (column, value) in [
        ("f.area", q.area.clone()),
        ("f.clinic", q.clinic.clone()),
        ("f.programme_id", q.programme.clone()),
        ("f.status", q.status.map(|s| s.as_str().to_string())),
    ] {
        if let Some(v) = value {
            sql.push_str(&format!(" AND {column} = ?"));
            args.push(Value::Text(v));
        }
    }
    if let Some(ids) = &q.only {
        // The due filter: a list Today already holds, so no larger than what is in memory.
        let json = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        sql.push_str(" AND f.id IN (SELECT value FROM json_each(?))");
        args.push(Value::Text(format!("[{json}]")));
    }
    sql
}

impl ReadTx<'_> {
    /// How many families there are, and the areas, clinics and programmes they have, each in
    /// order: one index step per distinct value, not a pass over every family.
    pub fn family_choices(&self) -> Result<FamilyChoices> {
        let total: i64 = self
            .tx
            .prepare_cached("SELECT count(*) FROM family")?
            .query_row([], |r| r.get(0))?;
        let distinct = |column: &str| -> Result<Vec<String>> {
            let sql = format!(
                "WITH RECURSIVE v(x) AS (
                    SELECT min({column}) FROM family
                    UNION ALL
                    SELECT (SELECT min({column}) FROM family WHERE {column} > v.x) FROM v
                    WHERE v.x IS NOT NULL)
                 SELECT x FROM v WHERE x IS NOT NULL"
            );
            let mut stmt = self.tx.prepare_cached(&sql)?;
            let values = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(values)
        };
        Ok(FamilyChoices {
            total: usize::try_from(total).unwrap_or(0),
            areas: distinct("area")?,
            clinics: distinct("clinic")?,
            programmes: distinct("programme_id")?,
        })
    }

    /// `limit` families of the list `q` asks for, from its `q.from`-th match, and how many
    /// match (at most [`MATCH_CAP`], `more` saying when there are more).
    pub fn family_page(&self, q: &FamilyQuery, limit: usize) -> Result<FamilyPage> {
        let words = q.words();
        let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
        if !long.is_empty() {
            let fts = match_expr(&long);
            let found: i64 = self
                .tx
                .prepare_cached(
                    "SELECT count(*) FROM (SELECT 1 FROM family_search
                     WHERE family_search MATCH ?1 LIMIT ?2)",
                )?
                .query_row(rusqlite::params![fts, MATCH_CAP as i64 + 1], |r| r.get(0))?;
            if usize::try_from(found).unwrap_or(usize::MAX) <= MATCH_CAP {
                return self.few_matches(q, &words, fts, limit);
            }
        }
        self.walk(q, &words, limit)
    }

    /// At most [`MATCH_CAP`] families hold the long words: all of them, ordered, then the page.
    fn few_matches(
        &self,
        q: &FamilyQuery,
        words: &[String],
        fts: String,
        limit: usize,
    ) -> Result<FamilyPage> {
        let mut args = vec![Value::Text(fts)];
        let mut sql = String::from(
            "SELECT f.id FROM family f
             WHERE f.id IN (SELECT rowid FROM family_search WHERE family_search MATCH ?)",
        );
        for word in words.iter().filter(|w| w.chars().count() < 3) {
            sql.push_str(
                " AND (SELECT s.text FROM family_search s WHERE s.rowid = f.id) LIKE ? ESCAPE '\\'",
            );
            args.push(Value::Text(like(word)));
        }
        sql.push_str(&filters(q, &mut args));
        sql.push_str(&format!(" ORDER BY {NAME_ORDER}"));
        let ids = self.ids(&sql, args)?;
        let rows = ids.iter().skip(q.from).take(limit).copied().collect::<Vec<_>>();
        Ok(FamilyPage {
            query: q.clone(),
            count: ids.len(),
            more: false,
            rows: self.family_entries(&rows)?,
        })
    }

    /// The list in name order, each family tested as it comes: the page, then the count.
    fn walk(&self, q: &FamilyQuery, words: &[String], limit: usize) -> Result<FamilyPage> {
        let mut args = Vec::new();
        let mut conditions = String::new();
        for word in words {
            // `+` keeps the test a test on each row, not a search of the index.
            conditions.push_str(" AND +s.text LIKE ? ESCAPE '\\'");
            args.push(Value::Text(like(word)));
        }
        conditions.push_str(&filters(q, &mut args));
        let from = if words.is_empty() {
            "family f"
        } else {
            "family f CROSS JOIN family_search s ON s.rowid = f.id"
        };
        let mut page_args = args.clone();
        page_args.push(Value::Integer(limit as i64));
        page_args.push(Value::Integer(q.from as i64));
        let ids = self.ids(
            &format!(
                "SELECT f.id FROM {from} WHERE 1{conditions}
                 ORDER BY {NAME_ORDER} LIMIT ? OFFSET ?"
            ),
            page_args,
        )?;
        let (count, more) = if words.is_empty() {
            // Without words the filters' indexes count them all.
            let n: i64 = self
                .tx
                .prepare_cached(&format!("SELECT count(*) FROM {from} WHERE 1{conditions}"))?
                .query_row(params_from_iter(args), |r| r.get(0))?;
            (usize::try_from(n).unwrap_or(0), false)
        } else {
            args.push(Value::Integer(MATCH_CAP as i64 + 1));
            let n: i64 = self
                .tx
                .prepare_cached(&format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {from} WHERE 1{conditions} LIMIT ?)"
                ))?
                .query_row(params_from_iter(args), |r| r.get(0))?;
            let n = usize::try_from(n).unwrap_or(0);
            (n.min(MATCH_CAP), n > MATCH_CAP)
        };
        Ok(FamilyPage {
            query: q.clone(),
            count,
            more,
            rows: self.family_entries(&ids)?,
        })
    }

    fn ids(&self, sql: &str, args: Vec<Value>) -> Result<Vec<i64>> {
        let mut stmt = self.tx.prepare_cached(sql)?;
        let ids = stmt
            .query_map(params_from_iter(args), |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// The list's rows of these families, in the order given.
    fn family_entries(&self, ids: &[i64]) -> Result<Vec<FamilyIndexEntry>> {
        let mut family = self.tx.prepare_cached(
            "SELECT id, family_ref, display_name, area, clinic, status, protection, programme_id
             FROM family WHERE id = ?1",
        )?;
        let mut carers = self
            .tx
            .prepare_cached("SELECT name FROM caregiver WHERE family_id = ?1 ORDER BY position")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let names = carers
                .query_map([id], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(family.query_row([id], |r| {
                Ok(FamilyIndexEntry {
                    id: r.get(0)?,
                    family_ref: r.get(1)?,
                    display_name: r.get(2)?,
                    area: r.get(3)?,
                    clinic: r.get(4)?,
                    status: r.get(5)?,
                    protection: r.get::<_, Protection>(6)?,
                    programme_id: r.get(7)?,
                    // First names, to tell families with one surname apart.
                    caregivers: names
                        .iter()
                        .filter_map(|n| n.split_whitespace().next())
                        .collect::<Vec<_>>()
                        .join(", "),
                })
            })?);
        }
        Ok(out)
    }
}
