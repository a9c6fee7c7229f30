//! Personal / Staff: the roster.

use super::{Action, Effect, move_selection};
use crate::domain::model::Staff;

#[derive(Debug, Default)]
pub struct StaffState {
    pub list: Vec<Staff>,
    pub loaded: bool,
    requested: bool,
    pub selected: usize,
}

impl StaffState {
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![Effect::LoadStaff]
        }
    }

    pub fn set(&mut self, list: Vec<Staff>) {
        self.selected = self.selected.min(list.len().saturating_sub(1));
        self.list = list;
        self.loaded = true;
    }

    pub fn selected(&self) -> Option<&Staff> {
        self.list.get(self.selected)
    }

    pub fn handle(&mut self, action: &Action) {
        self.selected = move_selection(self.selected, self.list.len(), action, 10);
    }
}
