//! Where the keys of Groups lead: the list, a series page, the roll call and the member
//! picker; and what the runtime's answers about groups change.
use super::{MemberPick, RollCallState};
use crate::app::keymap::{Scope, key_for};
use crate::app::{
    App, Effect, GroupsEffect, GroupsIntent, GroupsMsg, Intent, Modal, Screen, forms,
};
use crate::domain::enums::SessionStatus;
use crate::domain::groups::SessionChange;

impl App {
    pub(crate) fn handle_groups(&mut self, action: &Intent) -> Vec<Effect> {
        if let Some(page) = self.groups.page.as_mut() {
            return match action {
                Intent::Back => {
                    self.groups.page = None;
                    Vec::new()
                }
                Intent::Open => page
                    .marked_session()
                    .map(|s| vec![Effect::Groups(GroupsEffect::LoadRollCall(s.id))])
                    .unwrap_or_default(),
                Intent::Groups(GroupsIntent::AddMembers) => vec![Effect::Groups(
                    GroupsEffect::LoadSuggestions(page.data.info.id),
                )],
                Intent::Groups(GroupsIntent::RemoveMember) => {
                    if let Some(form) = forms::remove_member(&page.data) {
                        self.open_form(form);
                    }
                    Vec::new()
                }
                // The form names leaders from the roster: read first, when it is not yet.
                Intent::Edit => {
                    let id = page.data.info.id;
                    let mut effects = self.roster.ensure_loaded();
                    effects.push(Effect::Groups(GroupsEffect::LoadAreas(Some(id))));
                    effects
                }
                other => {
                    page.handle(other);
                    Vec::new()
                }
            };
        }
        match action {
            Intent::New => {
                let mut effects = self.roster.ensure_loaded();
                effects.push(Effect::Groups(GroupsEffect::LoadAreas(None)));
                effects
            }
            other => self.groups.handle_list(other),
        }
    }

    pub(crate) fn handle_roll_call(&mut self, action: &Intent) -> Vec<Effect> {
        let Some(Modal::RollCall(call)) = self.modals.last_mut() else {
            return Vec::new();
        };
        match action {
            Intent::Back => {
                self.pop();
                // The list's figures follow the marks made; the page has them already.
                if self.groups.loaded {
                    vec![self.groups.reload()]
                } else {
                    Vec::new()
                }
            }
            // On a cancelled session the same key undoes the cancellation.
            Intent::Groups(GroupsIntent::CancelSession)
                if call.call.session.status == SessionStatus::Cancelled =>
            {
                vec![Effect::Groups(GroupsEffect::ChangeSession {
                    session_id: call.session_id(),
                    change: SessionChange::Reinstate,
                })]
            }
            Intent::Groups(GroupsIntent::CancelSession) => {
                let form = forms::cancel_session(call.session_id(), call.call.session.start);
                self.open_form(form);
                Vec::new()
            }
            // A cancelled session has no attendance: its marks, adults, drop-ins and held say
            // so and how to undo the cancellation, rather than ask the database to refuse.
            Intent::Groups(
                GroupsIntent::MarkPresent
                | GroupsIntent::MarkAbsent
                | GroupsIntent::MarkExcused
                | GroupsIntent::OneAdult
                | GroupsIntent::TwoAdults
                | GroupsIntent::MoreDropins
                | GroupsIntent::FewerDropins
                | GroupsIntent::MarkHeld,
            ) if call.call.session.status == SessionStatus::Cancelled => {
                let undo = key_for(
                    Scope::RollCall,
                    &Intent::Groups(GroupsIntent::CancelSession),
                );
                self.message = Some(crate::i18n::screens::cancelled_session(&undo));
                Vec::new()
            }
            other => call.handle(other),
        }
    }

    pub(crate) fn handle_pick_members(&mut self, action: &Intent) -> Vec<Effect> {
        let Some(Modal::PickMembers(pick)) = self.modals.last_mut() else {
            return Vec::new();
        };
        match action {
            Intent::Back => {
                self.pop();
                Vec::new()
            }
            Intent::Save => {
                let families = pick.chosen();
                if families.is_empty() {
                    return Vec::new();
                }
                vec![Effect::Groups(GroupsEffect::AddMembers {
                    group_id: pick.group_id,
                    families,
                })]
            }
            other => {
                pick.handle(other);
                Vec::new()
            }
        }
    }

    /// The runtime's answers about groups.
    pub(crate) fn receive_groups(&mut self, msg: GroupsMsg) -> Vec<Effect> {
        if matches!(msg, GroupsMsg::MarkSaved(..) | GroupsMsg::SessionSaved(..)) {
            // Attendance counts in the report: drop its figures; they are read again when the
            // Report screen is next in front (not on every mark).
            self.report.invalidate(false);
        }
        match msg {
            GroupsMsg::ListLoaded(list) => self.groups.set(list),
            GroupsMsg::Loaded(page) => {
                self.screen = Screen::Groups;
                self.groups.set_page(*page, self.today);
            }
            GroupsMsg::RollCallLoaded(call) => {
                // A roll call read again replaces the open one; else it opens.
                let id = call.session.id;
                match self.roll_call_mut().filter(|r| r.session_id() == id) {
                    Some(open) => open.call = *call,
                    None => self.push(Modal::RollCall(RollCallState::new(*call))),
                }
            }
            GroupsMsg::AreasLoaded(None, areas) => {
                let form = forms::new_series(&self.roster.list, self.today, areas);
                self.open_form(form);
            }
            GroupsMsg::AreasLoaded(Some(id), areas) => {
                // The page it was asked from, if still open.
                if let Some(page) = self.groups.page.as_ref().filter(|p| p.data.info.id == id) {
                    let form =
                        forms::edit_series(&page.data.info, &self.roster.list, areas, self.lang);
                    self.open_form(form);
                }
            }
            GroupsMsg::SuggestionsLoaded(group_id, suggestions, room) => {
                if suggestions.is_empty() {
                    self.message = Some(crate::i18n::screens::NO_SUGGESTIONS.into());
                } else {
                    self.push(Modal::PickMembers(MemberPick::new(
                        group_id,
                        suggestions,
                        room,
                    )));
                }
            }
            GroupsMsg::MarkSaved(session_id, line, now_held) => {
                if let Some(call) = self
                    .roll_call_mut()
                    .filter(|r| r.session_id() == session_id)
                {
                    call.put_mark(&line, now_held);
                }
                self.groups.put_mark(session_id, &line, now_held);
                self.today_view.session_marked(session_id);
            }
            GroupsMsg::SessionSaved(text, session) => {
                // The cancel form, if that is where it came from, is done.
                self.modals.retain(|m| {
                    !matches!(m, Modal::Form(f) if f.kind == crate::app::form::FormKind::CancelSession(session.id))
                });
                if let Some(call) = self
                    .roll_call_mut()
                    .filter(|r| r.session_id() == session.id)
                {
                    call.call.session = (*session).clone();
                }
                self.groups.put_session(&session);
                self.message = Some(text);
            }
        }
        Vec::new()
    }

    /// After a series changed: the list, and its page when it is open.
    pub(crate) fn groups_changed(&self, id: i64) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.groups.loaded {
            effects.push(self.groups.reload());
        }
        let open = self.groups.page.as_ref().map(|p| p.data.info.id);
        // A new series opens its page.
        if open == Some(id) || (open.is_none() && self.screen == Screen::Groups) {
            effects.push(Effect::Groups(GroupsEffect::Load(id)));
        }
        effects
    }
}
