//! Tests: the app with its Families list read from a real database: the fixtures' six families
//! stored, and each read the list asks for answered as the runtime answers it.

use crate::app::{App, Effect, FamiliesEffect, FamiliesMsg, Key, Msg};
use crate::db::Db;
use crate::db::tests::{now, sample_family, store_goteborg};
use crate::domain::model::NewCaregiver;
use crate::ops::reads;

use super::fixtures;

/// The fixtures' families stored with their ids, caregivers and phone numbers.
pub fn fixtures_db() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    db.write(|tx| {
        let version = store_goteborg(tx);
        for (e, phone) in fixtures::index_with_phones() {
            let mut f = sample_family(&e.family_ref);
            f.facts.display_name = e.display_name.clone();
            f.facts.area = e.area.clone();
            f.facts.clinic = e.clinic.clone();
            f.facts.status = e.status;
            f.facts.protection = e.protection;
            f.facts.phone = (!phone.is_empty()).then(|| phone.to_string());
            f.caregivers = e
                .caregivers
                .split(", ")
                .map(|first| NewCaregiver {
                    name: first.to_string(),
                    relation: None,
                    identity: None,
                })
                .collect();
            let id = tx.insert_family(&f, version, now())?;
            assert_eq!(id, e.id);
        }
        Ok::<_, crate::db::DbError>(())
    })
    .unwrap();
    db
}

/// Answers the Families list's reads among `effects`, and those its answers lead to; the
/// other effects are returned.
pub fn serve(app: &mut App, db: &mut Db, effects: Vec<Effect>) -> Vec<Effect> {
    let mut others = Vec::new();
    let mut waiting = effects;
    while !waiting.is_empty() {
        for effect in std::mem::take(&mut waiting) {
            let msg = match &effect {
                Effect::Families(FamiliesEffect::Load(q)) => Msg::Families(FamiliesMsg::Loaded(
                    Box::new(reads::families::open(db, q).unwrap()),
                )),
                Effect::Families(FamiliesEffect::LoadPage(q)) => Msg::Families(
                    FamiliesMsg::PageLoaded(Box::new(reads::families::page(db, q).unwrap())),
                ),
                _ => {
                    others.push(effect);
                    continue;
                }
            };
            waiting.extend(app.receive(msg));
        }
    }
    others
}

/// A key, with the list's reads answered.
pub fn key(app: &mut App, db: &mut Db, key: Key) -> Vec<Effect> {
    let effects = app.handle_key(key);
    serve(app, db, effects)
}

/// Typed text, with the list's reads answered after each key.
pub fn type_in(app: &mut App, db: &mut Db, typed: &str) {
    for c in typed.chars() {
        key(app, db, Key::Char(c));
    }
}

/// The names the list shows, in order.
pub fn shown(app: &App) -> Vec<String> {
    (0..app.families.count)
        .filter_map(|i| app.families.row(i))
        .map(|e| e.display_name.clone())
        .collect()
}
