//! Tests: the Staff list's reads answered from the fixtures' roster, as the database answers
//! them (the people who match, in name order, a page at a time).

use super::fixtures;
use crate::app::App;
use crate::domain::model::Staff;
use crate::i18n::Lang;

/// The Staff list's page for `q`, as the database reads it from [`fixtures::staff`]: the people who match,
/// in name order, from `q.from`.
pub fn staff_page(
    q: &crate::domain::staff_list::StaffQuery,
) -> crate::domain::staff_list::StaffPage {
    let all = fixtures::staff();
    let mut matches: Vec<Staff> = all.iter().filter(|s| q.matches(s)).cloned().collect();
    matches.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    crate::domain::staff_list::StaffPage {
        query: q.clone(),
        count: matches.len(),
        total: all.len(),
        rows: matches
            .into_iter()
            .skip(q.from)
            .take(crate::domain::staff_list::STAFF_PAGE)
            .collect(),
    }
}

/// Answers the Staff list's reads among `effects` from [`fixtures::staff`], and the roster's; the other
/// effects are returned.
pub fn serve_staff(app: &mut App, effects: Vec<crate::app::Effect>) -> Vec<crate::app::Effect> {
    use crate::app::{Effect, Msg, StaffEffect, StaffMsg};
    let mut others = Vec::new();
    let mut waiting = effects;
    while !waiting.is_empty() {
        for effect in std::mem::take(&mut waiting) {
            let msg = match &effect {
                Effect::Staff(StaffEffect::Load(q)) => {
                    Msg::Staff(StaffMsg::PageLoaded(Box::new(staff_page(q))))
                }
                Effect::Staff(StaffEffect::LoadRoster) => {
                    Msg::Staff(StaffMsg::RosterLoaded(fixtures::staff()))
                }
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

/// The app on the Staff screen, its first page read.
pub fn on_staff(lang: Lang) -> App {
    let mut app = fixtures::app(lang);
    let effects = app.handle_key(crate::app::Key::Char('5'));
    serve_staff(&mut app, effects);
    app
}
