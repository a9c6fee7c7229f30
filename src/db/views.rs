//! Reads for the screens: the search index, a family's page, the day's visits, alert inputs.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::OptionalExtension;

use super::{ReadTx, Result, datetime_text, parse_date, parse_datetime, parse_enum, split_list};
use crate::domain::enums::{ConsentMethod, Protection};
use crate::domain::identity::IdentityNumber;
use crate::domain::model::Consent;
use crate::domain::search::{fold, phone_terms, sort_key};
use crate::domain::views::{Caregiver, ChildDetail, FamilyDetail, FamilyIndexEntry, SessionInfo};

fn identity(kind: &str, value: Option<String>) -> Result<Option<IdentityNumber>> {
    value
        .map(|value| -> Result<IdentityNumber> {
            Ok(IdentityNumber {
                kind: parse_enum(kind)?,
                value,
            })
        })
        .transpose()
}

fn opt_date(text: Option<&String>) -> Result<Option<NaiveDate>> {
    text.map(|t| parse_date(t)).transpose()
}

impl ReadTx<'_> {
    /// Every family, in Swedish name order, with the folded text that search looks in. Three
    /// flat reads merged here: much faster at region scale than a subquery per family.
    pub fn family_index(&self) -> Result<Vec<FamilyIndexEntry>> {
        self.index_entries(None)
    }

    /// One family's entry of the search index, after it changed.
    pub fn family_index_entry(&self, family_id: i64) -> Result<Option<FamilyIndexEntry>> {
        Ok(self.index_entries(Some(family_id))?.pop())
    }

    fn index_entries(&self, family: Option<i64>) -> Result<Vec<FamilyIndexEntry>> {
        // One family by its id; every family in one scan.
        let only = |column: &str| {
            if family.is_some() {
                format!("WHERE {column} = ?1")
            } else {
                "WHERE ?1 IS NULL".to_string()
            }
        };
        let names_by_family = |sql: &str| -> Result<HashMap<i64, Vec<String>>> {
            let mut stmt = self.tx.prepare_cached(sql)?;
            let mut map: HashMap<i64, Vec<String>> = HashMap::new();
            let rows = stmt.query_map([family], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (family_id, name) = row?;
                map.entry(family_id).or_default().push(name);
            }
            Ok(map)
        };
        let carers = names_by_family(&format!(
            "SELECT family_id, name FROM caregiver {} ORDER BY family_id, position",
            only("family_id")
        ))?;
        let children = names_by_family(&format!(
            "SELECT family_id, name FROM child {} ORDER BY family_id, position",
            only("family_id")
        ))?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT id, family_ref, display_name, area, clinic, status, protection, programme_id, phone FROM family {}",
            only("id")
        ))?;
        let rows = stmt.query_map([family], |r| {
            Ok((
                (
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ),
                (
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ),
                (
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ),
                r.get::<_, Option<String>>(8)?,
            ))
        })?;
        let empty = Vec::new();
        let mut entries = Vec::new();
        for row in rows {
            let (
                (id, family_ref, display_name),
                (area, clinic),
                (status, protection, programme_id),
                phone,
            ) = row?;
            let protection: Protection = parse_enum(&protection)?;
            let family_carers = carers.get(&id).unwrap_or(&empty);
            let family_children = children.get(&id).unwrap_or(&empty);
            let mut text = format!(
                "{display_name} {} {} {family_ref}",
                family_carers.join(" "),
                family_children.join(" ")
            );
            // A protected family's number must not find it: search would tell whose number it is.
            if let (Some(phone), false) = (phone, protection.is_protected()) {
                text.push(' ');
                text.push_str(&phone_terms(&phone));
            }
            let haystack = fold(&text);
            let caregivers = family_carers
                .iter()
                .filter_map(|n| n.split_whitespace().next())
                .collect::<Vec<_>>()
                .join(", ");
            entries.push((
                sort_key(&display_name),
                FamilyIndexEntry {
                    id,
                    family_ref,
                    display_name,
                    area,
                    clinic,
                    status: parse_enum(&status)?,
                    protection,
                    programme_id,
                    caregivers,
                    haystack,
                },
            ));
        }
        entries.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.family_ref.cmp(&b.1.family_ref))
        });
        Ok(entries.into_iter().map(|(_, e)| e).collect())
    }

    pub fn family_detail(&self, family_id: i64) -> Result<Option<FamilyDetail>> {
        let row = self
            .tx
            .prepare_cached(
                "SELECT id, family_ref, display_name, address, area, clinic, phone, languages,
                        interpreter_language, protection, eligibility, programme_id, programme_version,
                        status, offered_on, enrolled_on, exited_on, exit_reason, note, exit_note
                 FROM family WHERE id = ?1",
            )?
            .query_row([family_id], |r| {
                Ok((
                    (r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?),
                    (r.get::<_, Option<String>>(4)?, r.get::<_, Option<String>>(5)?, r.get::<_, Option<String>>(6)?, r.get::<_, String>(7)?),
                    (r.get::<_, Option<String>>(8)?, r.get::<_, String>(9)?, r.get::<_, Option<String>>(10)?, r.get::<_, String>(11)?),
                    (r.get::<_, u32>(12)?, r.get::<_, String>(13)?, r.get::<_, Option<String>>(14)?, r.get::<_, Option<String>>(15)?),
                    (r.get::<_, Option<String>>(16)?, r.get::<_, Option<String>>(17)?, r.get::<_, Option<String>>(18)?, r.get::<_, Option<String>>(19)?),
                ))
            })
            .optional()?;
        let Some((
            (id, family_ref, display_name, address),
            (area, clinic, phone, languages),
            (interpreter_language, protection, eligibility, programme_id),
            (programme_version, status, offered_on, enrolled_on),
            (exited_on, exit_reason, note, exit_note),
        )) = row
        else {
            return Ok(None);
        };
        Ok(Some(FamilyDetail {
            id,
            family_ref,
            display_name,
            address,
            area,
            clinic,
            phone,
            languages: split_list(&languages),
            interpreter_language,
            protection: parse_enum(&protection)?,
            eligibility: eligibility.as_deref().map(parse_enum).transpose()?,
            programme_id,
            programme_version,
            status: parse_enum(&status)?,
            offered_on: opt_date(offered_on.as_ref())?,
            enrolled_on: opt_date(enrolled_on.as_ref())?,
            exited_on: opt_date(exited_on.as_ref())?,
            exit_reason: exit_reason.as_deref().map(parse_enum).transpose()?,
            note,
            exit_note,
            consent: self.consent_of(family_id)?,
            caregivers: self.caregivers_of(family_id)?,
            children: self.children_of(family_id)?,
        }))
    }

    /// The latest consent recorded for a family.
    fn consent_of(&self, family_id: i64) -> Result<Option<Consent>> {
        let row = self
            .tx
            .prepare_cached(
                "SELECT given_by, scope, given_on, method, withdrawn_on FROM consent
                 WHERE family_id = ?1 ORDER BY given_on DESC, id DESC LIMIT 1",
            )?
            .query_row([family_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })
            .optional()?;
        row.map(|(given_by, scope, given_on, method, withdrawn_on)| {
            Ok(Consent {
                given_by,
                scope,
                given_on: parse_date(&given_on)?,
                method: method
                    .as_deref()
                    .map(parse_enum::<ConsentMethod>)
                    .transpose()?,
                withdrawn_on: opt_date(withdrawn_on.as_ref())?,
            })
        })
        .transpose()
    }

    fn caregivers_of(&self, family_id: i64) -> Result<Vec<Caregiver>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, name, relation, id_kind, id_value FROM caregiver WHERE family_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([family_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
            ))
        })?;
        rows.map(|row| {
            let (id, name, relation, kind, value) = row?;
            Ok(Caregiver {
                id,
                name,
                relation,
                identity: identity(&kind, value)?,
            })
        })
        .collect()
    }

    /// A family's children, in order.
    pub fn children_of(&self, family_id: i64) -> Result<Vec<ChildDetail>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, name, birth_date, expected, first_child, first_born_in_sweden, id_kind, id_value
             FROM child WHERE family_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([family_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get::<_, String>(6)?,
                r.get(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, name, birth, expected, first_child, first_born_in_sweden, kind, value) = row?;
            Ok(ChildDetail {
                id,
                name,
                birth_date: parse_date(&birth)?,
                expected,
                first_child,
                first_born_in_sweden,
                identity: identity(&kind, value)?,
            })
        })
        .collect()
    }

    /// The next planned parent-group session at or after `now`.
    pub fn next_session(&self, now: NaiveDateTime) -> Result<Option<SessionInfo>> {
        let row = self
            .tx
            .prepare_cached(
                "SELECT s.id, g.name, s.starts_at, g.place, s.theme,
                        (SELECT count(*) FROM group_member m WHERE m.group_id = g.id AND m.left_on IS NULL)
                 FROM group_session s JOIN parent_group g ON g.id = s.group_id
                 WHERE s.status = 'planned' AND s.starts_at >= ?1 ORDER BY s.starts_at, s.id LIMIT 1",
            )?
            .query_row([datetime_text(now)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        row.map(|(session_id, group_name, start, place, theme, members)| {
            Ok(SessionInfo {
                session_id,
                group_name,
                start: parse_datetime(&start)?,
                place,
                theme,
                members,
            })
        })
        .transpose()
    }

    /// Every stored programme version's template text.
    pub fn programme_definitions(&self) -> Result<Vec<(String, u32, String)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, version, definition FROM programme ORDER BY id, version")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The one programme catalogue: the shipped templates and every version stored here.
    pub fn programme_catalogue(&self) -> Result<crate::domain::catalogue::Catalogue> {
        Ok(crate::domain::catalogue::Catalogue::new(
            &self.programme_definitions()?,
        ))
    }
}
