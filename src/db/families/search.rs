//! The Families list, a page at a time: the families whose text holds every typed word and
//! that pass the filters, in Swedish name order. `family_text` (migration 15) holds each
//! family's folded text, and `family_search` indexes it by trigrams.
//!
//! A query first reads up to [`FEW`] + 1 families that may match, the cheapest way it allows
//! (the trigram index for a word of three letters or more, a filter's index, or the stored
//! texts in a row for short words). Where each candidate is a match (words only, all of them
//! long or all short), [`MATCH_CAP`] + 1 at most are read. Up to that many, each is tested and
//! the matches ordered.
//! More, and the matches are many: the list is walked in name order, each family tested as it
//! comes, until the page is read, and the matches are counted up to [`MATCH_CAP`]. Either way
//! a read looks at a bounded number of families for all but the sparsest short words.

use std::fmt::Write as _;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::db::values::like_anywhere;
use crate::db::{ReadTx, Result};
use crate::domain::enums::Protection;
use crate::domain::family_list::{FamilyChoices, FamilyPage, FamilyQuery, MATCH_CAP};
use crate::domain::views::FamilyIndexEntry;

/// The list's order, over each family's text `t` (migration 24): its name the Swedish way
/// (`domain::search::sort_key`: case ignored, å, ä, ö after z, other marked letters under
/// their plain letter), a protected family after every name, then the reference
/// (`domain::search::list_key`). The index `family_text_order` holds the texts in that order.
pub const TEXT_ORDER: &str = "t.sort, t.ref";

/// A family `f` with its text `t`, for a read in the list's order.
pub const WITH_TEXT: &str = "family f CROSS JOIN family_text t ON t.id = f.id";

/// A walk of the list: where from and on what conditions, the id to select, and the values of
/// its `?`s.
struct Walk {
    from: String,
    id: &'static str,
    args: Vec<Value>,
}

/// Up to this many candidates are each tested and ordered; more, and the list is walked in name
/// order instead, where that many matches are found at once. Tests use a small number, so that
/// a register of a few hundred families takes both ways.
const FEW: usize = if cfg!(test) { 40 } else { 5000 };

/// Matches at least one in this many families (by id) are close enough to find by testing each
/// family's text in name order. Fewer, and they may well lie together far down the list (a
/// surname's families do): the trigram index's set of them is read once instead.
const DENSE_EVERY: usize = 4;

/// Families that may match, whether every condition of the query chose them, and how many
/// were asked for (one more was read, to tell "that many or fewer" from "more").
struct Candidates {
    ids: Vec<i64>,
    complete: bool,
    few: usize,
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

/// The filters as conditions on `f`, their values appended to `args`; `walking` keeps them
/// tests on each row (so the name order is walked, not a filter's index).
fn filters(q: &FamilyQuery, args: &mut Vec<Value>, walking: bool) -> String {
    let plus = if walking { "+" } else { "" };
    let mut sql = String::new();
    for (column, value) in [
        ("f.area", q.area.clone()),
        ("f.clinic", q.clinic.clone()),
        ("f.programme_id", q.programme.clone()),
        ("f.status", q.status.map(|s| s.as_str().to_string())),
    ] {
        if let Some(v) = value {
            let _ = write!(sql, " AND {plus}{column} = ?");
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
            total: self.family_total()?,
            areas: distinct("area")?,
            clinics: distinct("clinic")?,
            programmes: distinct("programme_id")?,
        })
    }

    /// `limit` families of the list `q` asks for, from its `q.from`-th match, and how many
    /// match (at most [`MATCH_CAP`], `more` saying when there are more).
    pub fn family_page(&self, q: &FamilyQuery, limit: usize) -> Result<FamilyPage> {
        let words = q.words();
        let Some(found) = self.candidates(q, &words)? else {
            // Neither words nor filters: the whole register.
            let ids = self.walk_page(q, &words, false, limit)?;
            let total = self.family_total()?;
            return self.page(q, total, false, &ids);
        };
        if found.ids.len() <= found.few {
            return self.few_matches(q, &words, &found.ids, limit);
        }
        // Many: the list walked in name order; they are more than the cap, unless conditions
        // the candidates were not read by leave fewer. The span of ids they were found in says
        // how far apart matches are (those of a reference's start, `d1-1`, begin far from the
        // first id). Close together, each family's text is tested as it comes; farther apart,
        // the trigram index's set of matches is read once.
        let span = match (found.ids.iter().min(), found.ids.iter().max()) {
            (Some(first), Some(last)) => last - first + 1,
            _ => 0,
        };
        let sparse = span > (DENSE_EVERY * found.ids.len()) as i64;
        let ids = self.walk_page(q, &words, sparse, limit)?;
        let (count, more) = if found.complete && found.few >= MATCH_CAP {
            (MATCH_CAP, true)
        } else {
            self.count_walk(q, &words, sparse)?
        };
        self.page(q, count, more, &ids)
    }

    fn page(&self, q: &FamilyQuery, count: usize, more: bool, ids: &[i64]) -> Result<FamilyPage> {
        Ok(FamilyPage {
            query: q.clone(),
            count,
            more,
            rows: self.family_entries(ids)?,
        })
    }

    fn family_total(&self) -> Result<usize> {
        let n: i64 = self
            .tx
            .prepare_cached("SELECT count(*) FROM family")?
            .query_row([], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Up to [`FEW`] + 1 families that may match, read the cheapest way the query allows: by
    /// the trigram index for a word of three letters or more, by the filters' indexes, or by
    /// reading the stored texts in a row for short words. `None` when nothing narrows the list.
    fn candidates(&self, q: &FamilyQuery, words: &[String]) -> Result<Option<Candidates>> {
        let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
        let short = long.len() < words.len();
        let mut args = Vec::new();
        let filtered = filters(q, &mut args, false);
        let (sql, complete, few) = if !long.is_empty() {
            args = vec![Value::Text(match_expr(&long))];
            let complete = !short && filtered.is_empty();
            (
                "SELECT rowid FROM family_search WHERE family_search MATCH ? LIMIT ?".to_string(),
                complete,
                // Every candidate a match: past the cap the count is known, and the page is
                // read from the texts' own index in the list's order, not by testing and
                // ordering thousands.
                if complete { FEW.min(MATCH_CAP) } else { FEW },
            )
        } else if !filtered.is_empty() {
            (
                format!("SELECT f.id FROM family f WHERE 1{filtered} LIMIT ?"),
                words.is_empty(),
                FEW,
            )
        } else if short {
            for word in words {
                args.push(Value::Text(like_anywhere(word)));
            }
            let tests = vec![" AND text LIKE ? ESCAPE '\\'"; words.len()].concat();
            // Each text read here is a match: past the cap the count is known, and what a page
            // needs is found by walking the name order, where such a word is common. So no
            // more texts are read than the cap (a letter or two reads a few thousand at most).
            (
                format!("SELECT id FROM family_text WHERE 1{tests} LIMIT ?"),
                true,
                FEW.min(MATCH_CAP),
            )
        } else {
            return Ok(None);
        };
        args.push(Value::Integer(few as i64 + 1));
        Ok(Some(Candidates {
            ids: self.ids(&sql, args)?,
            complete,
            few,
        }))
    }

    /// At most [`FEW`] families may match: each tested, the matches ordered, then the page.
    fn few_matches(
        &self,
        q: &FamilyQuery,
        words: &[String],
        candidates: &[i64],
        limit: usize,
    ) -> Result<FamilyPage> {
        let json = candidates
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut args = vec![Value::Text(format!("[{json}]"))];
        let mut sql =
            format!("SELECT f.id FROM {WITH_TEXT} WHERE f.id IN (SELECT value FROM json_each(?))");
        for word in words {
            sql.push_str(" AND t.text LIKE ? ESCAPE '\\'");
            args.push(Value::Text(like_anywhere(word)));
        }
        sql.push_str(&filters(q, &mut args, false));
        let _ = write!(sql, " ORDER BY {TEXT_ORDER}");
        let ids = self.ids(&sql, args)?;
        let rows: Vec<i64> = ids.iter().skip(q.from).take(limit).copied().collect();
        self.page(q, ids.len().min(MATCH_CAP), ids.len() > MATCH_CAP, &rows)
    }

    /// Where the list is walked in name order, each family tested as it comes: by its text,
    /// or (`sparse`, for matches too far apart for that) by whether the trigram index holds it
    /// among those with the long words. Without filters, a text test walks the texts' own
    /// index in the list's order (`family_text_order`), one read in a row, not a lookup of each
    /// family's text. Counting (`walking` false) lets the planner start where it likes.
    fn walk_sql(q: &FamilyQuery, words: &[String], sparse: bool, walking: bool) -> Walk {
        let plus = if walking { "+" } else { "" };
        let mut filter_args = Vec::new();
        let filtered = filters(q, &mut filter_args, walking);
        let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
        let by_set = sparse && !long.is_empty();
        let tested: Vec<&String> = if by_set {
            words.iter().filter(|w| w.chars().count() < 3).collect()
        } else {
            words.iter().collect()
        };
        // A walk reads the texts' own index in the list's order, and a family's row only for
        // the filters; a count starts where it likes.
        let (from, id) = match (walking, tested.is_empty(), filtered.is_empty()) {
            (true, _, true) => ("family_text t INDEXED BY family_text_order", "t.id"),
            (true, _, false) => (
                "family_text t INDEXED BY family_text_order CROSS JOIN family f ON f.id = t.id",
                "t.id",
            ),
            (false, true, _) => ("family f", "f.id"),
            (false, false, true) => ("family_text t", "t.id"),
            (false, false, false) => (WITH_TEXT, "f.id"),
        };
        let mut args = Vec::new();
        let mut conditions = String::new();
        if by_set {
            // `+` keeps the name order walked: the set is a test, not where to start.
            let _ = write!(
                conditions,
                " AND {plus}{id} IN (SELECT rowid FROM family_search WHERE family_search MATCH ?)"
            );
            args.push(Value::Text(match_expr(&long)));
        }
        for word in &tested {
            conditions.push_str(" AND t.text LIKE ? ESCAPE '\\'");
            args.push(Value::Text(like_anywhere(word)));
        }
        conditions.push_str(&filtered);
        args.extend(filter_args);
        Walk {
            from: format!("FROM {from} WHERE 1{conditions}"),
            id,
            args,
        }
    }

    fn walk_page(
        &self,
        q: &FamilyQuery,
        words: &[String],
        sparse: bool,
        limit: usize,
    ) -> Result<Vec<i64>> {
        let Walk { from, id, mut args } = Self::walk_sql(q, words, sparse, true);
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(q.from as i64));
        self.ids(
            &format!("SELECT {id} {from} ORDER BY {TEXT_ORDER} LIMIT ? OFFSET ?"),
            args,
        )
    }

    /// The matches counted up to the cap.
    fn count_walk(&self, q: &FamilyQuery, words: &[String], sparse: bool) -> Result<(usize, bool)> {
        let Walk { from, mut args, .. } = Self::walk_sql(q, words, sparse, false);
        args.push(Value::Integer(MATCH_CAP as i64 + 1));
        let n: i64 = self
            .tx
            .prepare_cached(&format!("SELECT count(*) FROM (SELECT 1 {from} LIMIT ?)"))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        let n = usize::try_from(n).unwrap_or(0);
        Ok((n.min(MATCH_CAP), n > MATCH_CAP))
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
