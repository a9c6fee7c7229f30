//! Runs the app's effects: each write through its use case in `ops`, each read through `db`,
//! and answers with actions. Nothing here decides a rule or words a message.
use crate::app::{
    FamiliesEffect, FamiliesMsg, FamilyEffect, FamilyMsg, GroupsEffect, GroupsMsg, Msg,
    ReportEffect, ReportMsg, StaffEffect, StaffMsg, TodayEffect, TodayMsg, VisitEffect, WeekEffect,
    WeekMsg,
};

use std::sync::Arc;

use chrono::{Local, NaiveDateTime};

use crate::app::Effect;
use crate::app::booking::BookingPlan;
use crate::app::family::{self, FamilyPageData};
use crate::app::groups::GROUP_PAGE;
use crate::app::today;
use crate::db::{Db, DbError};
use crate::domain::catalogue::Catalogue;
use crate::i18n::messages::outcome::{ops_error, outcome};
use crate::ops::groups::GroupRefusal;
use crate::ops::{self, Ctx, Done, OpsError};

use super::worker::{Job, Worker};
use super::{reads, report_reads};

#[derive(Debug)]
pub struct Runner {
    pub db: Db,
    pub actor: String,
    pub warning_days: u32,
    /// Every programme version the database knows, and the shipped ones.
    pub(super) catalogue: Arc<Catalogue>,
    /// A fixed clock for tests; otherwise the local time.
    pub clock: Option<NaiveDateTime>,
    /// The report's threshold, the municipality it is for, and the language of its files.
    pub threshold: crate::domain::report::Threshold,
    pub municipality: Result<crate::domain::report::Municipality, &'static str>,
    pub lang: crate::i18n::Lang,
    /// Reads too slow for a key press; none for an in-memory database (they run inline).
    worker: Option<Worker>,
}

impl Runner {
    pub fn new(mut db: Db, actor: String, warning_days: u32) -> Result<Self, crate::db::DbError> {
        let catalogue = db.read(|tx| tx.programme_catalogue())?;
        let worker = db
            .path()
            .map(|p| Worker::start(p.to_path_buf(), db.key().cloned()));
        Ok(Runner {
            db,
            actor,
            warning_days,
            catalogue: Arc::new(catalogue),
            clock: None,
            threshold: crate::domain::report::Threshold::default(),
            municipality: Err("municipality"),
            lang: crate::i18n::Lang::Sv,
            worker,
        })
    }

    /// Whether background reads are still to answer.
    pub fn busy(&self) -> bool {
        self.worker.as_ref().is_some_and(Worker::busy)
    }

    /// An answer from the background, if one has arrived; with `wait`, waits for it.
    pub fn background_answer(&mut self, wait: bool) -> Option<Msg> {
        let worker = self.worker.as_mut()?;
        let answer = if wait && worker.busy() {
            worker.recv()
        } else {
            worker.try_recv()
        };
        // A damaged file is read, never written, from the moment the check says so.
        if answer == Some(Msg::IntegrityChecked(false)) {
            self.db.refuse_writes();
        }
        answer
    }

    /// Runs a read in the background, or at once when there is no worker.
    fn read_later(&mut self, job: Job) -> Result<Vec<Msg>, OpsError> {
        if let Some(worker) = self.worker.as_mut() {
            worker.submit(job);
            Ok(Vec::new())
        } else {
            Ok(vec![job(&mut self.db).map_err(OpsError::Read)?])
        }
    }

    /// Runs a read in the background once nothing else waits there, or at once without a worker.
    fn read_after_others(&mut self, job: Job) -> Result<Vec<Msg>, OpsError> {
        if let Some(worker) = self.worker.as_mut() {
            worker.submit_later(job);
            Ok(Vec::new())
        } else {
            Ok(vec![job(&mut self.db).map_err(OpsError::Read)?])
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.unwrap_or_else(|| Local::now().naive_local())
    }

    fn ctx(&self) -> Ctx {
        Ctx {
            actor: self.actor.clone(),
            now: self.now(),
        }
    }

    /// The ids of the programmes a new family can follow.
    pub fn programme_ids(&self) -> Vec<String> {
        self.catalogue.shipped_ids()
    }

    /// Runs one effect; a failure becomes a message on the screen, and nothing typed is lost.
    pub fn run(&mut self, effect: Effect) -> Vec<Msg> {
        match self.try_run(effect) {
            Ok(actions) => actions,
            // A read that finds the file damaged makes it read-only at once, as the check
            // at start would once it answers: nothing more is written into it.
            Err(e @ (OpsError::Read(DbError::Damaged) | OpsError::Save(DbError::Damaged))) => {
                self.db.refuse_writes();
                vec![Msg::Failed(ops_error(&e)), Msg::IntegrityChecked(false)]
            }
            Err(e) => vec![Msg::Failed(ops_error(&e))],
        }
    }

    fn try_run(&mut self, effect: Effect) -> Result<Vec<Msg>, OpsError> {
        let ctx = self.ctx();
        let db = &mut self.db;
        let done = match effect {
            Effect::Quit => return Ok(Vec::new()),
            Effect::Visit(VisitEffect::LoadProposals { family_id, rebook }) => {
                let options =
                    ops::visits::plan_booking(db, &ctx, self.warning_days, family_id, rebook)?;
                let plan = BookingPlan::from_options(options);
                return Ok(vec![Msg::ProposalsLoaded(Box::new(plan))]);
            }
            Effect::Week(WeekEffect::Load(query)) => {
                let data = reads::week(db, query)?;
                return Ok(vec![Msg::Week(WeekMsg::Loaded(Box::new(data)))]);
            }
            Effect::Week(WeekEffect::LoadDay(query)) => {
                let page = reads::day(db, query)?;
                return Ok(vec![Msg::Week(WeekMsg::DayLoaded(query, page))]);
            }
            Effect::Today(TodayEffect::Load) => return self.load_today(),
            Effect::Today(TodayEffect::LoadPage(query)) => {
                let page = reads::today_page(db, query)?;
                return Ok(vec![Msg::Today(TodayMsg::PageLoaded(Box::new(page)))]);
            }
            Effect::Today(TodayEffect::LoadAlerts) => {
                let job = reads::alerts_job(&self.catalogue, ctx.now, self.warning_days);
                return self.read_later(job);
            }
            Effect::Today(TodayEffect::LoadFamilyAlerts(id)) => {
                let rows =
                    reads::family_alerts(db, &self.catalogue, ctx.now, self.warning_days, id)?;
                return Ok(vec![Msg::Today(TodayMsg::FamilyAlertsLoaded(id, rows))]);
            }
            Effect::Families(FamiliesEffect::LoadIndex) => {
                return self.read_later(reads::index_job());
            }
            Effect::CheckIntegrity => {
                // The full check: index damage the quick one cannot see would spread with
                // every write. A file SQLite cannot even check counts as damaged.
                let job: Job =
                    Box::new(|db: &mut Db| Ok(Msg::IntegrityChecked(db.check_integrity_fully()?)));
                return self.read_later(job);
            }
            Effect::Families(FamiliesEffect::LoadIndexEntry(id)) => {
                let entry = db
                    .read(|tx| tx.family_index_entry(id))
                    .map_err(OpsError::Read)?;
                return Ok(entry
                    .map(|e| Msg::Families(FamiliesMsg::IndexEntryLoaded(e)))
                    .into_iter()
                    .collect());
            }
            Effect::Staff(StaffEffect::LoadBookings { id, staff }) => {
                let visits = db
                    .read(|tx| {
                        let ids = tx.staff_bookings(id, ctx.now)?;
                        tx.visits_by_id(&ids)
                    })
                    .map_err(OpsError::Read)?;
                return Ok(vec![Msg::Staff(StaffMsg::BookingsLoaded(
                    id, staff, visits,
                ))]);
            }
            Effect::Staff(StaffEffect::Load) => {
                let list = db.read(|tx| tx.list_staff()).map_err(OpsError::Read)?;
                return Ok(vec![Msg::Staff(StaffMsg::Loaded(list))]);
            }
            Effect::Family(FamilyEffect::Load(id)) => {
                ops::families::view_family(db, &ctx, id)?;
                return Ok(vec![self.load_family(id)?]);
            }
            Effect::Family(FamilyEffect::Refresh(id)) => return Ok(vec![self.load_family(id)?]),
            Effect::Family(FamilyEffect::Reveal(id)) => {
                ops::families::reveal_protected(db, &ctx, id)?;
                return Ok(vec![Msg::Family(FamilyMsg::Revealed(id))]);
            }
            Effect::Visit(VisitEffect::Book(request)) => {
                ops::visits::book_visit(db, &ctx, &request)?
            }
            Effect::Visit(VisitEffect::SetOutcome(o)) => ops::visits::record_outcome(db, &ctx, &o)?,
            Effect::Family(FamilyEffect::Save { id, family }) => {
                ops::families::save_family(db, &ctx, id, &family)?
            }
            Effect::Family(FamilyEffect::AddCaregiver {
                family_id,
                caregiver,
            }) => ops::families::add_caregiver(db, &ctx, family_id, &caregiver)?,
            Effect::Family(FamilyEffect::AddChild { family_id, child }) => {
                ops::families::add_child(db, &ctx, family_id, &child)?
            }
            Effect::Family(FamilyEffect::UpdateCaregiver {
                family_id,
                caregiver_id,
                caregiver,
            }) => ops::families::update_caregiver(db, &ctx, family_id, caregiver_id, &caregiver)?,
            Effect::Family(FamilyEffect::RemoveCaregiver {
                family_id,
                caregiver_id,
            }) => ops::families::remove_caregiver(db, &ctx, family_id, caregiver_id)?,
            Effect::Family(FamilyEffect::UpdateChild {
                family_id,
                child_id,
                child,
            }) => ops::families::update_child(db, &ctx, family_id, child_id, &child)?,
            Effect::Family(FamilyEffect::RemoveChild {
                family_id,
                child_id,
            }) => ops::families::remove_child(db, &ctx, family_id, child_id)?,
            Effect::Family(FamilyEffect::AddConsent { family_id, consent }) => {
                ops::families::add_consent(db, &ctx, family_id, &consent)?
            }
            Effect::Family(FamilyEffect::SetStatus { family_id, change }) => {
                ops::families::set_status(db, &ctx, family_id, &change)?
            }
            Effect::Staff(StaffEffect::Save { id, staff }) => {
                ops::staff::save_staff(db, &ctx, id, &staff)?
            }
            Effect::Groups(GroupsEffect::LoadList(from)) => {
                let list = db
                    .read(|tx| tx.list_groups(ctx.now, from, GROUP_PAGE))
                    .map_err(OpsError::Read)?;
                return Ok(vec![Msg::Groups(GroupsMsg::ListLoaded(list))]);
            }
            Effect::Groups(GroupsEffect::Load(id)) => {
                let page = db.read(|tx| tx.group_page(id)).map_err(OpsError::Read)?;
                let page = page.ok_or(ops::Refusal::Group(GroupRefusal::GroupGone))?;
                return Ok(vec![Msg::Groups(GroupsMsg::Loaded(Box::new(page)))]);
            }
            Effect::Groups(GroupsEffect::LoadRollCall(id)) => {
                let call = db.read(|tx| tx.roll_call(id)).map_err(OpsError::Read)?;
                let call = call.ok_or(ops::Refusal::Group(GroupRefusal::SessionGone))?;
                return Ok(vec![Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(call)))]);
            }
            Effect::Groups(GroupsEffect::LoadSuggestions(id)) => {
                let (found, room) = reads::suggestions(db, id, ctx.now)?;
                return Ok(vec![Msg::Groups(GroupsMsg::SuggestionsLoaded(
                    id, found, room,
                ))]);
            }
            Effect::Report(ReportEffect::Load {
                quarter,
                generation,
            }) => {
                let job = report_reads::report_job(quarter, self.threshold, generation);
                return self.read_later(job);
            }
            Effect::Report(ReportEffect::LoadTrend {
                quarters,
                generation,
            }) => {
                // One job a quarter, the latest first: the trend fills in column by column
                // (half a second each at 50,000 families), and a quarter asked for meanwhile
                // goes before the rest of it.
                let mut actions = Vec::new();
                for q in quarters.into_iter().rev() {
                    let job = report_reads::trend_job(q, self.threshold, generation);
                    actions.extend(self.read_after_others(job)?);
                }
                return Ok(actions);
            }
            Effect::Report(ReportEffect::LoadMissing {
                quarter,
                offset,
                generation,
            }) => {
                let job = report_reads::missing_job(quarter, ctx.now, offset, generation);
                return self.read_later(job);
            }
            Effect::Report(ReportEffect::LoadRuns(q)) => {
                let runs = db.read(|tx| tx.report_runs(q)).map_err(OpsError::Read)?;
                return Ok(vec![Msg::Report(ReportMsg::RunsLoaded(q, runs))]);
            }
            Effect::Visit(VisitEffect::LoadForOutcome(id)) => {
                let visit = db
                    .read(|tx| tx.visits_by_id(&[id]))
                    .map_err(OpsError::Read)?
                    .into_iter()
                    .next()
                    .ok_or(ops::Refusal::VisitGone)?;
                return Ok(vec![Msg::Report(ReportMsg::OutcomeVisitLoaded(Box::new(
                    visit,
                )))]);
            }
            Effect::Report(ReportEffect::Export {
                quarter,
                format,
                path,
            }) => return Ok(self.export(&ctx, quarter, format, &path)),
            Effect::Groups(GroupsEffect::CreateSeries(request)) => {
                ops::groups::create_series(db, &ctx, &request)?
            }
            Effect::Groups(GroupsEffect::EditSeries { id, group, born }) => {
                ops::groups::edit_series(db, &ctx, id, &group, born)?
            }
            Effect::Groups(GroupsEffect::RemoveMember {
                group_id,
                family_id,
            }) => ops::groups::remove_member(db, &ctx, group_id, family_id)?,
            Effect::Groups(GroupsEffect::AddMembers { group_id, families }) => {
                ops::groups::add_members(db, &ctx, group_id, &families)?
            }
            Effect::Groups(GroupsEffect::Mark {
                session_id,
                family_id,
                status,
                adults,
            }) => {
                let m = ops::groups::mark(db, &ctx, session_id, family_id, status, adults)?;
                return Ok(vec![Msg::Groups(GroupsMsg::MarkSaved(
                    m.session_id,
                    m.line,
                    m.now_held,
                ))]);
            }
            Effect::Groups(GroupsEffect::ChangeSession { session_id, change }) => {
                let (done, session) = ops::groups::change_session(db, &ctx, session_id, &change)?;
                return Ok(vec![Msg::Groups(GroupsMsg::SessionSaved(
                    outcome(&done),
                    Box::new(session),
                ))]);
            }
        };
        Ok(vec![Self::saved(&done)])
    }

    /// Writes the report file in the background on a write connection of its own (reading and
    /// computing a quarter takes half a second at 50,000 families); at once on a damaged file,
    /// whose one connection refuses it, or without a worker.
    fn export(
        &mut self,
        ctx: &Ctx,
        quarter: crate::domain::period::Period,
        format: crate::domain::report::ReportFormat,
        path: &std::path::Path,
    ) -> Vec<Msg> {
        let request = ops::report::ReportRequest {
            period: quarter,
            format,
            threshold: self.threshold,
            municipality: self.municipality.clone(),
            lang: self.lang,
        };
        let file = self.db.path().map(std::path::Path::to_path_buf);
        match (file, self.worker.as_mut()) {
            (Some(file), Some(worker)) if !self.db.is_damaged() => {
                worker.submit(report_reads::export_job(
                    file,
                    ctx.clone(),
                    request,
                    path.to_path_buf(),
                ));
                Vec::new()
            }
            _ => vec![report_reads::exported(&mut self.db, ctx, &request, path)],
        }
    }

    /// A write's answer: what it did, and what changed for the screens to reload.
    fn saved(done: &Done) -> Msg {
        Msg::Saved(outcome(&done.outcome), done.changed, done.id)
    }

    fn load_family(&mut self, id: i64) -> Result<Msg, OpsError> {
        let (detail, facts, groups) = self
            .db
            .read(|tx| {
                Ok((
                    tx.family_detail(id)?,
                    tx.visit_facts_of_family(id)?,
                    tx.groups_of_family(id)?,
                ))
            })
            .map_err(OpsError::read)?;
        let detail = detail.ok_or(ops::Refusal::FamilyGone)?;
        let mut data: FamilyPageData = family::build(
            detail,
            &facts,
            self.catalogue.all(),
            self.now(),
            self.warning_days,
        );
        data.groups = groups;
        Ok(Msg::Family(FamilyMsg::Loaded(Box::new(data))))
    }

    /// Each day's count and the first page of the visits of today up to the next working day,
    /// and the next session, now; the alerts in the background.
    pub fn load_today(&mut self) -> Result<Vec<Msg>, OpsError> {
        let now = self.now();
        let date = now.date();
        let next_day = today::next_working_day(date);
        let (counts, visits, next, sessions, unrecorded) = self
            .db
            .read(|tx| {
                Ok((
                    tx.trips_per_day(date, next_day)?,
                    tx.days_visits_page(date, next_day, 0, crate::app::week::PAGE)?,
                    tx.next_session(now)?,
                    tx.sessions_on(date)?,
                    tx.unrecorded_sessions(now)?,
                ))
            })
            .map_err(OpsError::Read)?;
        let data = today::TodayData {
            date,
            next_day,
            counts,
            offset: 0,
            visits,
            next_session: next,
            today_sessions: sessions,
            unrecorded_sessions: unrecorded,
        };
        let mut actions = vec![Msg::Today(TodayMsg::Loaded(Box::new(data)))];
        let job = reads::alerts_job(&self.catalogue, now, self.warning_days);
        actions.extend(self.read_later(job)?);
        Ok(actions)
    }
}
