//! A family's page: caregivers, children, consent, protection, and each child's programme timeline.

mod update;
use crate::app::Intent;

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::domain::enums::VisitStatus;
use crate::domain::programme::Programme;
use crate::domain::timeline::{TimelineEntry, VisitFact, timeline};
use crate::domain::views::FamilyDetail;
use crate::i18n::labels;

#[derive(Debug, Clone, PartialEq)]
pub struct ChildTimeline {
    pub child_id: i64,
    pub child_name: String,
    pub entries: Vec<TimelineEntry>,
    /// Extra visits and visits not in the programme, counted.
    pub extra_visits: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FamilyPageData {
    pub detail: FamilyDetail,
    pub timelines: Vec<ChildTimeline>,
    /// The family's programme was not found in the database (it can still be read and edited).
    pub programme_missing: bool,
    /// The name of the version the family follows, when it was found.
    pub programme_name: Option<crate::app::Text>,
    /// The parent groups the family is or was in.
    pub groups: Vec<crate::domain::group_views::FamilyGroup>,
    /// The visits still booked from now on, earliest first: what leaving the programme cancels.
    pub booked: Vec<BookedVisit>,
}

/// A visit of the family booked for later, as a question about cancelling it lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct BookedVisit {
    pub start: NaiveDateTime,
    /// The child's name, or the words for a protected family: the question is a window over
    /// the page, not the page.
    pub child: crate::app::Text,
    /// The programme visit's name; none for an extra visit.
    pub visit_name: Option<crate::app::Text>,
}

/// Builds the page from what the runtime read; the programme is the version the family follows.
pub fn build(
    detail: FamilyDetail,
    facts: &HashMap<i64, Vec<VisitFact>>,
    programmes: &[Programme],
    now: NaiveDateTime,
    warning_days: u32,
) -> FamilyPageData {
    let today = now.date();
    let programme = programmes
        .iter()
        .find(|p| p.id == detail.programme_id && p.version == detail.programme_version);
    let timelines = detail
        .children
        .iter()
        .map(|c| {
            let visits = facts.get(&c.id).map_or(&[][..], Vec::as_slice);
            ChildTimeline {
                child_id: c.id,
                child_name: c.name.clone(),
                entries: programme.map_or_else(Vec::new, |p| {
                    timeline(p, c.birth_date, visits, today, warning_days)
                }),
                extra_visits: visits.iter().filter(|v| v.visit_no.is_none()).count(),
            }
        })
        .collect();
    let mut booked: Vec<BookedVisit> = detail
        .children
        .iter()
        .flat_map(|c| {
            facts
                .get(&c.id)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter(|v| v.status == VisitStatus::Planned && v.start >= now)
                .map(|v| BookedVisit {
                    start: v.start,
                    child: crate::app::labels::shown_name(&c.name, detail.protection),
                    visit_name: v.visit_no.and_then(|no| {
                        let def = programme?.visit(no)?;
                        Some(labels::programme_name(&def.name, &def.name_en))
                    }),
                })
        })
        .collect();
    booked.sort_by_key(|b| b.start);
    FamilyPageData {
        booked,
        programme_missing: programme.is_none(),
        programme_name: programme.map(|p| labels::programme_name(&p.name, &p.name_en)),
        detail,
        timelines,
        groups: Vec::new(),
    }
}

#[derive(Debug)]
pub struct FamilyPage {
    pub data: FamilyPageData,
    /// A protected family's address and phone are shown (the view is in the audit log).
    pub revealed: bool,
    pub scroll: u16,
}

impl FamilyPage {
    pub fn new(data: FamilyPageData, revealed: bool) -> Self {
        FamilyPage {
            data,
            revealed,
            scroll: 0,
        }
    }

    pub fn scroll(&mut self, action: &Intent) {
        self.scroll = match action {
            Intent::Down => self.scroll.saturating_add(1),
            Intent::Up => self.scroll.saturating_sub(1),
            Intent::PageDown => self.scroll.saturating_add(10),
            Intent::PageUp => self.scroll.saturating_sub(10),
            Intent::Top => 0,
            Intent::Bottom => u16::MAX / 2,
            _ => self.scroll,
        };
    }
}

/// A family's page's own keys.
#[derive(Debug, Clone, PartialEq)]
pub enum FamilyIntent {
    Reveal,
    AddCaregiver,
    AddChild,
    RecordConsent,
    /// Change or remove one of the family's caregivers.
    EditCaregiver,
    /// Change or remove one of the family's children.
    EditChild,
    Activate,
    Decline,
    Pause,
    Exit,
}

/// A family's page's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum FamilyMsg {
    Loaded(Box<FamilyPageData>),
    /// The protected address of this family may be shown: the view was written to the audit log.
    Revealed(i64),
}

/// What a family's page asks the runtime to read or write.
#[derive(Debug, Clone, PartialEq)]
pub enum FamilyEffect {
    /// Opens a family's page; the runtime writes the view to the audit log.
    Load(i64),
    /// Reads a family's page again after a change (not a new look: nothing is audited).
    Refresh(i64),
    /// Shows a protected family's address and phone; written to the audit log.
    Reveal(i64),
    Save {
        id: Option<i64>,
        family: Box<crate::domain::model::NewFamily>,
        /// An edited family's status days, as corrected.
        dates: Option<crate::domain::status_dates::StatusDates>,
    },
    AddCaregiver {
        family_id: i64,
        caregiver: crate::domain::model::NewCaregiver,
    },
    AddChild {
        family_id: i64,
        child: crate::domain::model::NewChild,
    },
    UpdateCaregiver {
        family_id: i64,
        caregiver_id: i64,
        caregiver: crate::domain::model::NewCaregiver,
    },
    RemoveCaregiver {
        family_id: i64,
        caregiver_id: i64,
    },
    UpdateChild {
        family_id: i64,
        child_id: i64,
        child: crate::domain::model::NewChild,
    },
    RemoveChild {
        family_id: i64,
        child_id: i64,
    },
    AddConsent {
        family_id: i64,
        consent: crate::domain::model::Consent,
    },
    SetStatus {
        family_id: i64,
        change: crate::domain::model::StatusChange,
    },
}
