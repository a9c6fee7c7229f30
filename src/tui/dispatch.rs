//! Each effect to its use case or read in `ops`, one arm a screen: a screen's reads and writes
//! are found in its own function here, and answered with its own messages. A write answers with
//! what it did and what changed, for every screen to reload what it shows.

use crate::app::{
    Effect, FamiliesEffect, FamiliesMsg, FamilyEffect, FamilyMsg, GroupsEffect, GroupsMsg, Msg,
    ReportEffect, ReportMsg, StaffEffect, StaffMsg, TodayEffect, TodayMsg, VisitEffect, WeekEffect,
    WeekMsg,
};

use crate::app::booking::BookingPlan;
use crate::app::family;
use crate::app::groups::GROUP_PAGE;
use crate::app::report::MISSING_PAGE;
use crate::i18n::messages::outcome::outcome;
use crate::ops::{self, Done, OpsError, reads};

use super::jobs;
use super::runner::Runner;

type Answer = Result<Vec<Msg>, OpsError>;

/// A write's answer: what it did, and what changed for the screens to reload.
fn saved(done: &Done) -> Vec<Msg> {
    vec![Msg::Saved(outcome(&done.outcome), done.changed, done.id)]
}

impl Runner {
    pub(super) fn dispatch(&mut self, effect: Effect) -> Answer {
        match effect {
            Effect::Quit => Ok(Vec::new()),
            Effect::CheckIntegrity => self.check_file(),
            Effect::Today(e) => self.today(&e),
            Effect::Week(e) => self.week(&e),
            Effect::Families(e) => self.families(&e),
            Effect::Family(e) => self.family(e),
            Effect::Staff(e) => self.staff(e),
            Effect::Groups(e) => self.groups(e),
            Effect::Report(e) => self.report(e),
            Effect::Visit(e) => self.visit(e),
        }
    }

    /// Today's visits now, the alerts in the background.
    fn today(&mut self, e: &TodayEffect) -> Answer {
        let now = self.now();
        match *e {
            TodayEffect::Load => {
                let data = reads::today::today(&mut self.db, now)?;
                let mut answers = vec![Msg::Today(TodayMsg::Loaded(Box::new(data)))];
                let job = jobs::alerts(&self.catalogue, now, self.warning_days);
                answers.extend(self.read_later(job)?);
                Ok(answers)
            }
            TodayEffect::LoadPage(query) => {
                let page = reads::today::page(&mut self.db, query)?;
                Ok(vec![Msg::Today(TodayMsg::PageLoaded(Box::new(page)))])
            }
            TodayEffect::LoadAlerts => {
                self.read_later(jobs::alerts(&self.catalogue, now, self.warning_days))
            }
            TodayEffect::LoadFamilyAlerts(id) => {
                let changed = reads::today::family_alerts(
                    &mut self.db,
                    &self.catalogue,
                    now,
                    self.warning_days,
                    id,
                )?;
                Ok(vec![Msg::Today(TodayMsg::FamilyAlertsLoaded(Box::new(
                    changed,
                )))])
            }
        }
    }

    fn week(&mut self, e: &WeekEffect) -> Answer {
        match *e {
            WeekEffect::ExportCalendar { days, staff } => Ok(self.export_calendar(days, staff)),
            WeekEffect::Load(query) => {
                let data = reads::week::week(&mut self.db, query)?;
                Ok(vec![Msg::Week(WeekMsg::Loaded(Box::new(data)))])
            }
            WeekEffect::LoadDay(query) => {
                let page = reads::week::day(&mut self.db, query)?;
                Ok(vec![Msg::Week(WeekMsg::DayLoaded(query, page))])
            }
        }
    }

    /// The Families list reads a page at a time, quickly enough for a key press.
    fn families(&mut self, e: &FamiliesEffect) -> Answer {
        match e {
            FamiliesEffect::Load(query) => {
                let read = reads::families::open(&mut self.db, query)?;
                Ok(vec![Msg::Families(FamiliesMsg::Loaded(Box::new(read)))])
            }
            FamiliesEffect::LoadPage(query) => {
                let page = reads::families::page(&mut self.db, query)?;
                Ok(vec![Msg::Families(FamiliesMsg::PageLoaded(Box::new(page)))])
            }
        }
    }

    fn family(&mut self, e: FamilyEffect) -> Answer {
        let ctx = self.ctx();
        let db = &mut self.db;
        let done = match e {
            FamilyEffect::Load(id) => {
                let read = reads::family::open(db, &ctx, id)?;
                return Ok(vec![self.family_page(read)]);
            }
            FamilyEffect::Refresh(id) => {
                let read = reads::family::page(db, id)?;
                return Ok(vec![self.family_page(read)]);
            }
            FamilyEffect::Reveal(id) => {
                ops::families::reveal_protected(db, &ctx, id)?;
                return Ok(vec![Msg::Family(FamilyMsg::Revealed(id))]);
            }
            FamilyEffect::Save { id, family, dates } => {
                ops::families::save_family(db, &ctx, id, &family, dates.as_ref())?
            }
            FamilyEffect::AddCaregiver {
                family_id,
                caregiver,
            } => ops::families::add_caregiver(db, &ctx, family_id, &caregiver)?,
            FamilyEffect::AddChild { family_id, child } => {
                ops::families::add_child(db, &ctx, family_id, &child)?
            }
            FamilyEffect::UpdateCaregiver {
                family_id,
                caregiver_id,
                caregiver,
            } => ops::families::update_caregiver(db, &ctx, family_id, caregiver_id, &caregiver)?,
            FamilyEffect::RemoveCaregiver {
                family_id,
                caregiver_id,
            } => ops::families::remove_caregiver(db, &ctx, family_id, caregiver_id)?,
            FamilyEffect::UpdateChild {
                family_id,
                child_id,
                child,
            } => ops::families::update_child(db, &ctx, family_id, child_id, &child)?,
            FamilyEffect::RemoveChild {
                family_id,
                child_id,
            } => ops::families::remove_child(db, &ctx, family_id, child_id)?,
            FamilyEffect::AddConsent { family_id, consent } => {
                ops::families::add_consent(db, &ctx, family_id, &consent)?
            }
            FamilyEffect::SetStatus { family_id, change } => {
                ops::families::set_status(db, &ctx, family_id, &change)?
            }
        };
        Ok(saved(&done))
    }

    /// The page from what was read: each child's timeline in the version the family follows.
    fn family_page(&self, read: reads::family::FamilyRead) -> Msg {
        let mut data = family::build(
            read.detail,
            &read.facts,
            self.catalogue.all(),
            self.now(),
            self.warning_days,
        );
        data.groups = read.groups;
        Msg::Family(FamilyMsg::Loaded(Box::new(data)))
    }

    fn staff(&mut self, e: StaffEffect) -> Answer {
        let ctx = self.ctx();
        match e {
            StaffEffect::Load(q) => Ok(vec![Msg::Staff(StaffMsg::PageLoaded(Box::new(
                reads::staff::page(&mut self.db, &q)?,
            )))]),
            StaffEffect::LoadRoster => Ok(vec![Msg::Staff(StaffMsg::RosterLoaded(
                reads::staff::list(&mut self.db)?,
            ))]),
            StaffEffect::LoadBookings { id, staff } => {
                let visits = reads::staff::bookings(&mut self.db, id, ctx.now)?;
                Ok(vec![Msg::Staff(StaffMsg::BookingsLoaded(
                    id, staff, visits,
                ))])
            }
            StaffEffect::Save { id, staff } => Ok(saved(&ops::staff::save_staff(
                &mut self.db,
                &ctx,
                id,
                &staff,
            )?)),
        }
    }

    fn groups(&mut self, e: GroupsEffect) -> Answer {
        let ctx = self.ctx();
        let db = &mut self.db;
        let done = match e {
            GroupsEffect::LoadList(from, ended) => {
                let list = reads::groups::list(db, ctx.now, from, GROUP_PAGE, ended)?;
                return Ok(vec![Msg::Groups(GroupsMsg::ListLoaded(list))]);
            }
            GroupsEffect::Load(id) => {
                let page = reads::groups::page(db, id)?;
                return Ok(vec![Msg::Groups(GroupsMsg::Loaded(Box::new(page)))]);
            }
            GroupsEffect::LoadRollCall(id) => {
                let call = reads::groups::roll_call(db, id)?;
                return Ok(vec![Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(call)))]);
            }
            GroupsEffect::LoadSuggestions(id) => {
                let (found, room) = reads::groups::suggestions(db, id, ctx.now)?;
                return Ok(vec![Msg::Groups(GroupsMsg::SuggestionsLoaded(
                    id, found, room,
                ))]);
            }
            GroupsEffect::LoadAreas(id) => {
                let areas = reads::groups::areas(db, ctx.now)?;
                return Ok(vec![Msg::Groups(GroupsMsg::AreasLoaded(id, areas))]);
            }
            GroupsEffect::CreateSeries(request) => ops::groups::create_series(db, &ctx, &request)?,
            GroupsEffect::EditSeries {
                id,
                group,
                area,
                born,
            } => ops::groups::edit_series(db, &ctx, id, &group, area.as_deref(), born)?,
            GroupsEffect::RemoveMember {
                group_id,
                family_id,
            } => ops::groups::remove_member(db, &ctx, group_id, family_id)?,
            GroupsEffect::AddMembers { group_id, families } => {
                ops::groups::add_members(db, &ctx, group_id, &families)?
            }
            GroupsEffect::Mark {
                session_id,
                family_id,
                status,
                adults,
            } => {
                let m = ops::groups::mark(db, &ctx, session_id, family_id, status, adults)?;
                return Ok(vec![Msg::Groups(GroupsMsg::MarkSaved(
                    m.session_id,
                    m.line,
                    m.now_held,
                ))]);
            }
            GroupsEffect::ChangeSession { session_id, change } => {
                let (done, session) = ops::groups::change_session(db, &ctx, session_id, &change)?;
                return Ok(vec![Msg::Groups(GroupsMsg::SessionSaved(
                    outcome(&done),
                    Box::new(session),
                ))]);
            }
        };
        Ok(saved(&done))
    }

    fn report(&mut self, e: ReportEffect) -> Answer {
        let ctx = self.ctx();
        match e {
            ReportEffect::Load {
                quarter,
                generation,
            } => self.read_later(jobs::report(quarter, self.threshold, generation)),
            ReportEffect::LoadTrend {
                quarters,
                generation,
            } => {
                // One job a quarter, the latest first: the trend fills in column by column, and
                // a quarter asked for meanwhile goes before the rest of it. Each is the
                // quarter's full report, so stepping to it later needs no reading.
                let mut answers = Vec::new();
                for q in quarters.into_iter().rev() {
                    let job = jobs::report(q, self.threshold, generation);
                    answers.extend(self.read_after_others(job)?);
                }
                Ok(answers)
            }
            ReportEffect::LoadMissing {
                quarter,
                offset,
                generation,
            } => self.read_later(jobs::missing(
                quarter,
                ctx.now,
                offset,
                MISSING_PAGE,
                generation,
            )),
            ReportEffect::LoadRuns(q) => {
                let runs = reads::report::runs(&mut self.db, q)?;
                Ok(vec![Msg::Report(ReportMsg::RunsLoaded(q, runs))])
            }
            ReportEffect::Export {
                quarter,
                format,
                path,
            } => Ok(self.export(&ctx, quarter, format, &path)),
        }
    }

    fn visit(&mut self, e: VisitEffect) -> Answer {
        let ctx = self.ctx();
        let db = &mut self.db;
        match e {
            VisitEffect::LoadProposals { family_id, rebook } => {
                let options =
                    ops::visits::plan_booking(db, &ctx, self.warning_days, family_id, rebook)?;
                let plan = BookingPlan::from_options(options);
                Ok(vec![Msg::ProposalsLoaded(Box::new(plan))])
            }
            VisitEffect::PlanByHand { family_id, rebook } => {
                let options = ops::visits::plan_booking_by_hand(
                    db,
                    &ctx,
                    self.warning_days,
                    family_id,
                    rebook,
                )?;
                let plan = BookingPlan::from_options(options);
                Ok(vec![Msg::ProposalsLoaded(Box::new(plan))])
            }
            VisitEffect::ReadEveryone { family_id, rebook } => {
                // What booking by hand will show: read once the proposals are drawn.
                let job = jobs::everyone(ctx, self.warning_days, family_id, rebook);
                self.read_after_draw(job)
            }
            VisitEffect::LoadForOutcome(id) => {
                let visit = reads::report::visit(db, id)?;
                Ok(vec![Msg::Report(ReportMsg::OutcomeVisitLoaded(Box::new(
                    visit,
                )))])
            }
            VisitEffect::Book(request) => Ok(saved(&ops::visits::book_visit(db, &ctx, &request)?)),
            VisitEffect::SetOutcome(o) => Ok(saved(&ops::visits::record_outcome(db, &ctx, &o)?)),
        }
    }
}
