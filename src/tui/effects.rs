//! Runs the app's effects against the database and answers with actions: reads for what a screen
//! shows, writes (each one transaction with its audit row), and the reloads that follow a write.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Days, Local, Months, NaiveDateTime};

use crate::app::family::{self, FamilyPageData};
use crate::app::today::{self, AlertInput};
use crate::app::{Action, Effect, Text};
use crate::db::{Db, DbError};
use crate::domain::builtin::{builtin_programmes, template_text};
use crate::domain::model::AuditEntry;
use crate::domain::programme::{Programme, parse_programme};
use crate::domain::timeline::double_bookings;
use crate::domain::views::DayVisit;

use super::worker::{Job, Worker};

/// Children older than this have left every shipped programme's windows.
const OLDEST_CHILD_MONTHS: u32 = 20;

/// Booking alerts listed at most per kind; more would not fit a screen or a morning.
const MAX_LISTED: usize = 50;

/// How far back a visit with no recorded outcome is still worth a reminder.
const UNRECORDED_DAYS: i64 = 30;

#[derive(Debug)]
pub struct Runner {
    pub db: Db,
    pub actor: String,
    pub warning_days: u32,
    /// Every programme version the database knows, and the shipped ones.
    pub(super) programmes: Arc<Vec<Programme>>,
    /// A fixed clock for tests; otherwise the local time.
    pub clock: Option<NaiveDateTime>,
    /// Reads too slow for a key press; none for an in-memory database (they run inline).
    worker: Option<Worker>,
}

impl Runner {
    pub fn new(mut db: Db, actor: String, warning_days: u32) -> Result<Self, DbError> {
        let mut programmes = builtin_programmes().unwrap_or_default();
        for (id, version, text) in db.read(|tx| tx.programme_definitions())? {
            if !programmes
                .iter()
                .any(|p| p.id == id && p.version == version)
                && let Ok(p) = parse_programme(&id, &text)
            {
                programmes.push(p);
            }
        }
        let worker = db.path().map(|p| Worker::start(p.to_path_buf()));
        Ok(Runner {
            db,
            actor,
            warning_days,
            programmes: Arc::new(programmes),
            clock: None,
            worker,
        })
    }

    /// Whether background reads are still to answer.
    pub fn busy(&self) -> bool {
        self.worker.as_ref().is_some_and(Worker::busy)
    }

    /// An answer from the background, if one has arrived; with `wait`, waits for it.
    pub fn background_answer(&mut self, wait: bool) -> Option<Action> {
        let worker = self.worker.as_mut()?;
        if wait && worker.busy() {
            worker.recv()
        } else {
            worker.try_recv()
        }
    }

    /// Runs a read in the background, or at once when there is no worker.
    fn read_later(&mut self, job: Job) -> Result<Vec<Action>, DbError> {
        match self.worker.as_mut() {
            Some(worker) => {
                worker.submit(job);
                Ok(Vec::new())
            }
            None => Ok(vec![job(&mut self.db)?]),
        }
    }

    fn index_job() -> Job {
        Box::new(|db: &mut Db| Ok(Action::IndexLoaded(db.read(|tx| tx.family_index())?)))
    }

    /// Every alert: it looks at every active family and every future booking, so it is read in
    /// the background.
    fn alerts_job(&self) -> Job {
        let programmes = Arc::clone(&self.programmes);
        let now = self.now();
        let warning_days = self.warning_days;
        Box::new(move |db: &mut Db| {
            let date = now.date();
            let born_since = date
                .checked_sub_months(Months::new(OLDEST_CHILD_MONTHS))
                .unwrap_or(date);
            let start_of_day = date.and_hms_opt(0, 0, 0).unwrap_or(now);
            let ((children, facts), missing, mut bookings, staff_names, unrecorded) =
                db.read(|tx| {
                    Ok::<_, DbError>((
                        tx.active_children(born_since)?,
                        tx.visits_missing_interpreter(start_of_day)?,
                        tx.planned_bookings(start_of_day)?,
                        tx.staff_names()?,
                        tx.unrecorded_visits(now - chrono::Duration::days(UNRECORDED_DAYS), now)?,
                    ))
                })?;
            let doubles = double_bookings(&mut bookings);
            let mut wanted: Vec<i64> = missing.iter().take(MAX_LISTED).copied().collect();
            wanted.extend(unrecorded.iter().take(MAX_LISTED));
            wanted.extend(
                doubles
                    .iter()
                    .take(MAX_LISTED)
                    .flat_map(|(_, a, b)| [*a, *b]),
            );
            let listed: HashMap<i64, DayVisit> = db
                .read(|tx| tx.visits_by_id(&wanted))?
                .into_iter()
                .map(|v| (v.visit_id, v))
                .collect();
            let alerts = today::alerts(AlertInput {
                date,
                children: &children,
                facts: &facts,
                programmes: &programmes,
                warning_days,
                missing_interpreter: missing
                    .iter()
                    .take(MAX_LISTED)
                    .filter_map(|id| listed.get(id).cloned())
                    .collect(),
                unrecorded: unrecorded
                    .iter()
                    .take(MAX_LISTED)
                    .filter_map(|id| listed.get(id).cloned())
                    .collect(),
                double_bookings: doubles
                    .iter()
                    .take(MAX_LISTED)
                    .filter_map(|(staff, a, b)| {
                        Some((
                            staff_names.get(staff)?.clone(),
                            listed.get(a)?.clone(),
                            listed.get(b)?.clone(),
                        ))
                    })
                    .collect(),
            });
            Ok(Action::AlertsLoaded(alerts))
        })
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.unwrap_or_else(|| Local::now().naive_local())
    }

    /// The ids of the programmes a new family can follow.
    pub fn programme_ids(&self) -> Vec<String> {
        builtin_programmes()
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.id)
            .collect()
    }

    pub(super) fn audit(&self, action: &str, family_id: Option<i64>) -> AuditEntry {
        AuditEntry {
            at: self.now(),
            actor: self.actor.clone(),
            action: action.into(),
            entity: "family".into(),
            entity_id: family_id,
            detail: None,
        }
    }

    /// Runs one effect; a failure becomes a message on the screen, and nothing typed is lost.
    pub fn run(&mut self, effect: Effect) -> Vec<Action> {
        match self.try_run(effect) {
            Ok(actions) => actions,
            Err(e) => vec![Action::Failed(Text::new(
                format!("Kunde inte spara: {e}"),
                format!("Could not save: {e}"),
            ))],
        }
    }

    fn try_run(&mut self, effect: Effect) -> Result<Vec<Action>, DbError> {
        Ok(match effect {
            Effect::Quit => Vec::new(),
            Effect::LoadProposals { family_id, rebook } => {
                vec![self.load_proposals(family_id, rebook)?]
            }
            Effect::BookVisit(request) => self.book_visit(&request)?,
            Effect::SetOutcome(outcome) => self.set_outcome(&outcome)?,
            Effect::LoadWeek(week) => {
                let days = week.days();
                let (Some(first), Some(last)) = (days.first().copied(), days.last().copied())
                else {
                    return Ok(Vec::new());
                };
                vec![Action::WeekLoaded(
                    week,
                    self.db.read(|tx| tx.day_visits(first, last))?,
                )]
            }
            Effect::LoadToday => self.load_today()?,
            Effect::LoadIndex => self.read_later(Self::index_job())?,
            Effect::LoadStaff => vec![Action::StaffLoaded(self.db.read(|tx| tx.list_staff())?)],
            Effect::LoadFamily(id) => {
                let entry = self.audit("view", Some(id));
                self.db.write(|tx| tx.insert_audit(&entry))?;
                vec![self.load_family(id)?]
            }
            Effect::Reveal(id) => {
                let entry = self.audit("reveal_protected", Some(id));
                self.db.write(|tx| tx.insert_audit(&entry))?;
                vec![Action::Revealed(id)]
            }
            Effect::SaveFamily { id: None, family } => {
                let programme = self
                    .programmes
                    .iter()
                    .find(|p| p.id == family.programme_id)
                    .cloned()
                    .ok_or_else(|| {
                        DbError::Conflict(format!("no programme {}", family.programme_id))
                    })?;
                let now = self.now();
                let actor = self.actor.clone();
                let new_id = self.db.write(|tx| {
                    tx.ensure_programme(
                        &programme,
                        template_text(&programme.id).unwrap_or_default(),
                    )?;
                    let id = tx.insert_family(&family, programme.version, now)?;
                    tx.insert_audit(&AuditEntry {
                        at: now,
                        actor,
                        action: "create".into(),
                        entity: "family".into(),
                        entity_id: Some(id),
                        detail: None,
                    })?;
                    Ok::<_, DbError>(id)
                })?;
                self.after_family_change(
                    new_id,
                    Text::new("Familjen är sparad.", "The family is saved."),
                )?
            }
            Effect::SaveFamily {
                id: Some(id),
                family,
            } => {
                let (now, entry) = (self.now(), self.audit("update", Some(id)));
                self.db.write(|tx| {
                    tx.update_family(id, &family, now)?;
                    tx.insert_audit(&entry)
                })?;
                self.after_family_change(
                    id,
                    Text::new("Ändringarna är sparade.", "The changes are saved."),
                )?
            }
            Effect::AddCaregiver {
                family_id,
                caregiver,
            } => {
                let entry = self.audit("add_caregiver", Some(family_id));
                self.db.write(|tx| {
                    tx.add_caregiver(family_id, &caregiver)?;
                    tx.insert_audit(&entry)
                })?;
                self.after_family_change(
                    family_id,
                    Text::new("Vårdnadshavaren är tillagd.", "The caregiver is added."),
                )?
            }
            Effect::AddChild { family_id, child } => {
                let entry = self.audit("add_child", Some(family_id));
                self.db.write(|tx| {
                    tx.add_child(family_id, &child)?;
                    tx.insert_audit(&entry)
                })?;
                self.after_family_change(
                    family_id,
                    Text::new("Barnet är tillagt.", "The child is added."),
                )?
            }
            Effect::AddConsent { family_id, consent } => {
                let entry = self.audit("consent", Some(family_id));
                self.db.write(|tx| {
                    tx.add_consent(family_id, &consent)?;
                    tx.insert_audit(&entry)
                })?;
                self.after_family_change(
                    family_id,
                    Text::new("Samtycket är antecknat.", "The consent is recorded."),
                )?
            }
            Effect::SetStatus {
                family_id,
                status,
                exit,
            } => {
                let (now, entry) = (self.now(), self.audit("status", Some(family_id)));
                self.db.write(|tx| {
                    tx.set_family_status(family_id, status, exit.map(|r| (r, now.date())), now)?;
                    tx.insert_audit(&entry)
                })?;
                self.after_family_change(
                    family_id,
                    Text::new("Statusen är ändrad.", "The status is changed."),
                )?
            }
            Effect::SaveStaff { id, staff } => {
                let entry = AuditEntry {
                    entity: "staff".into(),
                    ..self.audit(if id.is_some() { "update" } else { "create" }, id)
                };
                self.db.write(|tx| {
                    match id {
                        Some(id) => tx.update_staff(id, &staff)?,
                        None => {
                            tx.insert_staff(&staff)?;
                        }
                    }
                    tx.insert_audit(&entry)
                })?;
                vec![
                    Action::Saved(Text::new(
                        "Personalen är sparad.",
                        "The staff member is saved.",
                    )),
                    Action::StaffLoaded(self.db.read(|tx| tx.list_staff())?),
                ]
            }
        })
    }

    /// After a family changed: say so, and reload its page, Today and the index.
    pub(super) fn after_family_change(
        &mut self,
        family_id: i64,
        text: Text,
    ) -> Result<Vec<Action>, DbError> {
        let mut actions = vec![Action::Saved(text), self.load_family(family_id)?];
        actions.extend(self.load_today()?);
        actions.extend(self.read_later(Self::index_job())?);
        Ok(actions)
    }

    fn load_family(&mut self, id: i64) -> Result<Action, DbError> {
        let (detail, facts) = self
            .db
            .read(|tx| Ok::<_, DbError>((tx.family_detail(id)?, tx.visit_facts_of_family(id)?)))?;
        let detail =
            detail.ok_or_else(|| DbError::Conflict("the family no longer exists".into()))?;
        let data: FamilyPageData = family::build(
            detail,
            &facts,
            &self.programmes,
            self.now().date(),
            self.warning_days,
        );
        Ok(Action::FamilyLoaded(Box::new(data)))
    }

    /// Today's and tomorrow's visits and the next session now; the alerts in the background.
    pub fn load_today(&mut self) -> Result<Vec<Action>, DbError> {
        let now = self.now();
        let date = now.date();
        let tomorrow = date.checked_add_days(Days::new(1)).unwrap_or(date);
        let (visits, next) = self
            .db
            .read(|tx| Ok::<_, DbError>((tx.day_visits(date, tomorrow)?, tx.next_session(now)?)))?;
        let data = today::today_data(date, visits, next);
        let mut actions = vec![Action::TodayLoaded(Box::new(data))];
        actions.extend(self.read_later(self.alerts_job())?);
        Ok(actions)
    }
}
