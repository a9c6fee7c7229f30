//! Everyone on staff, read when a person is to be picked (Week's `s`) or a series' leaders
//! chosen: the Staff screen itself reads a page at a time.

use super::StaffEffect;
use crate::app::Effect;
use crate::domain::model::Staff;

#[derive(Debug, Default)]
pub struct Roster {
    pub list: Vec<Staff>,
    pub loaded: bool,
    requested: bool,
}

impl Roster {
    /// Asks for the roster the first time it is needed.
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![Effect::Staff(StaffEffect::LoadRoster)]
        }
    }

    pub fn set(&mut self, list: Vec<Staff>) {
        self.list = list;
        self.loaded = true;
    }

    /// Whether the roster, as read, has this person as active.
    pub fn is_active(&self, id: i64) -> bool {
        self.list.iter().any(|s| s.id == id && s.active)
    }
}
