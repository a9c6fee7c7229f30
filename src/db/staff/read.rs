//! Reads of staff: one by id or by name, every name, the roster, and a page of the Staff list.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params, params_from_iter};

use super::rows::{self, name_key};
use crate::db::values::like_anywhere;
use crate::db::{ReadTx, Result};
use crate::domain::enums::Role;
use crate::domain::model::Staff;
use crate::domain::staff_list::{StaffPage, StaffQuery};

impl ReadTx<'_> {
    pub fn staff_by_id(&self, id: i64) -> Result<Option<Staff>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM staff WHERE id = ?1",
                rows::COLUMNS
            ))?
            .query_row([id], rows::staff)
            .optional()?)
    }

    /// A staff member by name, ignoring case.
    pub fn staff_by_name(&self, name: &str) -> Result<Option<Staff>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM staff WHERE name_key = ?1",
                rows::COLUMNS
            ))?
            .query_row([name_key(name)], rows::staff)
            .optional()?)
    }

    /// Every staff member's name by id (for naming people in alerts).
    pub fn staff_names(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self.tx.prepare_cached("SELECT id, name FROM staff")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn list_staff(&self) -> Result<Vec<Staff>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM staff ORDER BY name",
            rows::COLUMNS
        ))?;
        let rows = stmt.query_map([], rows::staff)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

impl ReadTx<'_> {
    /// `limit` people of the list `q` asks for, in name order from its `q.from`-th match, how
    /// many match and how many there are. Without words the page is read along the name
    /// index; with words, each person's stored text, id and role are tested (the roster is the
    /// municipality's staff, not its families).
    pub fn staff_page(&self, q: &StaffQuery, limit: usize) -> Result<StaffPage> {
        let mut conditions = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        for word in &q.words {
            let mut alternatives = vec![
                "search_text LIKE ? ESCAPE '\\'".to_string(),
                "CAST(id AS TEXT) LIKE ? ESCAPE '\\'".to_string(),
            ];
            args.push(Value::Text(like_anywhere(&word.text)));
            args.push(Value::Text(like_anywhere(&word.text)));
            for role in &word.roles {
                alternatives.push("role = ?".to_string());
                args.push(Value::Text(role.as_str().to_string()));
            }
            conditions.push(format!("({})", alternatives.join(" OR ")));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let count: i64 = self
            .tx
            .prepare_cached(&format!("SELECT count(*) FROM staff {filter}"))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        let total: i64 = if q.words.is_empty() {
            count
        } else {
            self.tx
                .prepare_cached("SELECT count(*) FROM staff")?
                .query_row([], |r| r.get(0))?
        };
        let mut page_args = args;
        page_args.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        page_args.push(Value::Integer(i64::try_from(q.from).unwrap_or(i64::MAX)));
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM staff INDEXED BY staff_name_order {filter}
             ORDER BY name, id LIMIT ? OFFSET ?",
            rows::COLUMNS
        ))?;
        let rows = stmt
            .query_map(params_from_iter(page_args.iter()), rows::staff)?
            .collect::<rusqlite::Result<Vec<Staff>>>()?;
        Ok(StaffPage {
            query: q.clone(),
            count: usize::try_from(count).unwrap_or(0),
            total: usize::try_from(total).unwrap_or(0),
            rows,
        })
    }
}

impl ReadTx<'_> {
    /// The people with these ids (those that exist), by name.
    pub fn staff_by_ids(&self, ids: &[i64]) -> Result<Vec<Staff>> {
        let mut wanted = ids.to_vec();
        wanted.sort_unstable();
        wanted.dedup();
        let mut people = Vec::with_capacity(wanted.len());
        for id in wanted {
            if let Some(s) = self.staff_by_id(id)? {
                people.push(s);
            }
        }
        people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        Ok(people)
    }

    /// Who a visit of `roles` may be booked with, by name: the people of `known` (the family's
    /// earlier staff and the area's), the active people of each role, and, for a family that
    /// needs one, the active interpreters who speak `language` (compared as
    /// `eq_ignore_ascii_case` compares): all of them, or the first `per_role` of each by name.
    /// Not the whole roster: the other roles' people are not read.
    pub fn bookable_staff(
        &self,
        roles: &[Role],
        language: Option<&str>,
        known: &[i64],
        per_role: Option<usize>,
    ) -> Result<Vec<Staff>> {
        // SQLite reads a negative limit as none.
        let limit = per_role.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut people = self.staff_by_ids(known)?;
        let mut seen: std::collections::HashSet<i64> = people.iter().map(|p| p.id).collect();
        let mut add = |rows: Vec<Staff>| {
            for s in rows {
                if seen.insert(s.id) {
                    people.push(s);
                }
            }
        };
        let mut of_role = self.tx.prepare_cached(&format!(
            "SELECT {} FROM staff INDEXED BY staff_role_order
             WHERE role = ?1 AND active = 1 ORDER BY name, id LIMIT ?2",
            rows::COLUMNS
        ))?;
        for role in roles {
            add(of_role
                .query_map(params![role, limit], rows::staff)?
                .collect::<rusqlite::Result<Vec<Staff>>>()?);
        }
        if let Some(language) = language {
            let mut speaking = self.tx.prepare_cached(&format!(
                "SELECT {} FROM staff INDEXED BY staff_role_order
                 WHERE role = 'interpreter' AND active = 1
                   AND instr('|' || lower(languages) || '|', '|' || lower(?1) || '|') > 0
                 ORDER BY name, id LIMIT ?2",
                rows::COLUMNS
            ))?;
            add(speaking
                .query_map(params![language, limit], rows::staff)?
                .collect::<rusqlite::Result<Vec<Staff>>>()?);
        }
        people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        Ok(people)
    }
}
