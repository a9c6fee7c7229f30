//! The runtime's side of the app: the database, the clock, the settings the reads need, and the
//! background worker. `dispatch` turns each effect into its use case or read in `ops`; nothing
//! here decides a rule or words a message.
use std::sync::Arc;

use chrono::{Local, NaiveDateTime};

use crate::app::{Effect, Msg};
use crate::db::{Db, DbError};
use crate::domain::catalogue::Catalogue;
use crate::i18n::messages::outcome::ops_error;
use crate::ops::{self, Ctx, OpsError};

use super::jobs;
use super::worker::{Job, Worker};

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
    /// The folder the app was started in: where Week's calendars go.
    pub folder: std::path::PathBuf,
    /// Reads too slow for a key press; none for an in-memory database (they run inline).
    worker: Option<Worker>,
    /// The whole file's check, on a thread and connection of its own while it runs: it reads
    /// every page (seconds at region scale), and the worker's reads do not wait behind it.
    checker: Option<Worker>,
    /// Reads for what the screen may show next, sent to the worker once the frame that asked
    /// for them is drawn, so that they do not compete with drawing it.
    after_draw: AfterDraw,
    /// The file's commit count from elsewhere when the window last looked.
    seen_version: Option<i64>,
}

/// The reads waiting for the next frame to be drawn (jobs are closures: counted, not shown).
#[derive(Default)]
struct AfterDraw(Vec<Job>);

impl std::fmt::Debug for AfterDraw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AfterDraw({} jobs)", self.0.len())
    }
}

impl Runner {
    pub fn new(mut db: Db, actor: String, warning_days: u32) -> Result<Self, crate::db::DbError> {
        // Where the file's commit count stands before the first read: whatever anyone commits
        // from now on, the window reads again.
        let seen_version = db.data_version().ok();
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
            folder: std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from(".")),
            worker,
            checker: None,
            after_draw: AfterDraw::default(),
            seen_version,
        })
    }

    /// A commit this window made through another connection (an export's) is its own: the
    /// next look starts from here.
    pub fn note_own_write(&mut self) {
        self.seen_version = self.db.data_version().ok();
    }

    /// Whether someone else committed to the file since the last look: another window, a
    /// command, an import.
    pub fn changed_elsewhere(&mut self) -> bool {
        let Ok(now) = self.db.data_version() else {
            return false;
        };
        let before = self.seen_version.replace(now);
        before.is_some_and(|b| b != now)
    }

    /// Whether background reads (the file's check among them) are still to answer.
    pub fn busy(&self) -> bool {
        self.worker_busy() || self.checker.as_ref().is_some_and(Worker::busy)
    }

    /// Whether the worker, which also writes the exports, still has a job out.
    pub fn worker_busy(&self) -> bool {
        self.worker.as_ref().is_some_and(Worker::busy)
    }

    /// The frame is drawn: the reads put off until then go to the worker.
    pub fn drawn(&mut self) {
        if let Some(worker) = self.worker.as_mut() {
            for job in self.after_draw.0.drain(..) {
                worker.submit(job);
            }
        }
    }

    /// An answer from the background, if one has arrived; with `wait`, waits for it (the
    /// reads put off until a frame is drawn go first: waiting is not drawing).
    pub fn background_answer(&mut self, wait: bool) -> Option<Msg> {
        if wait {
            self.drawn();
        }
        let answer = self.next_answer(wait);
        // A damaged file is read, never written, from the moment the check says so.
        if answer == Some(Msg::IntegrityChecked(false)) {
            self.db.refuse_writes();
        }
        answer
    }

    /// The check's answer whenever it has come, else the worker's, else (with `wait`) the
    /// check's once it comes. The check's thread ends with its answer.
    fn next_answer(&mut self, wait: bool) -> Option<Msg> {
        if let Some(answer) = self.checker.as_mut().and_then(Worker::try_recv) {
            self.checker = None;
            return Some(answer);
        }
        if let Some(worker) = self.worker.as_mut() {
            let answer = if wait && worker.busy() {
                worker.recv()
            } else {
                worker.try_recv()
            };
            if answer.is_some() {
                return answer;
            }
        }
        let checker = self.checker.as_mut()?;
        let answer = if wait && checker.busy() {
            checker.recv()
        } else {
            None
        };
        if answer.is_some() {
            self.checker = None;
        }
        answer
    }

    /// Checks the whole file in the background on a connection of its own, or at once when
    /// there is no worker.
    pub(super) fn check_file(&mut self) -> Result<Vec<Msg>, OpsError> {
        match (self.worker.is_some(), self.db.path()) {
            (true, Some(path)) => {
                let mut checker = Worker::start(path.to_path_buf(), self.db.key().cloned());
                checker.submit(jobs::integrity());
                self.checker = Some(checker);
                Ok(Vec::new())
            }
            _ => Ok(vec![jobs::integrity()(&mut self.db)?]),
        }
    }

    /// Runs a read in the background, or at once when there is no worker.
    pub(super) fn read_later(&mut self, job: Job) -> Result<Vec<Msg>, OpsError> {
        if let Some(worker) = self.worker.as_mut() {
            worker.submit(job);
            Ok(Vec::new())
        } else {
            Ok(vec![job(&mut self.db)?])
        }
    }

    /// Runs a read in the background once the frame is drawn ([`Runner::drawn`]), or at once
    /// without a worker.
    pub(super) fn read_after_draw(&mut self, job: Job) -> Result<Vec<Msg>, OpsError> {
        if self.worker.is_some() {
            self.after_draw.0.push(job);
            Ok(Vec::new())
        } else {
            Ok(vec![job(&mut self.db)?])
        }
    }

    /// Runs a read in the background once nothing else waits there, or at once without a worker.
    pub(super) fn read_after_others(&mut self, job: Job) -> Result<Vec<Msg>, OpsError> {
        if let Some(worker) = self.worker.as_mut() {
            worker.submit_later(job);
            Ok(Vec::new())
        } else {
            Ok(vec![job(&mut self.db)?])
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        self.clock.unwrap_or_else(|| Local::now().naive_local())
    }

    pub(super) fn ctx(&self) -> Ctx {
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
        match self.dispatch(effect) {
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

    /// Writes the report file in the background on a write connection of its own (reading and
    /// computing a quarter takes half a second at 50,000 families); at once on a damaged file,
    /// whose one connection refuses it, or without a worker.
    pub(super) fn export(
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
                worker.submit(jobs::export(file, ctx.clone(), request, path.to_path_buf()));
                Vec::new()
            }
            _ => vec![jobs::exported(&mut self.db, ctx, &request, path)],
        }
    }

    /// Writes the week's calendars from Week as the report's export is written: in the
    /// background on a write connection of its own, or at once without a worker.
    pub(super) fn export_calendar(
        &mut self,
        days: (chrono::NaiveDate, chrono::NaiveDate),
        staff: Option<i64>,
    ) -> Vec<Msg> {
        let ctx = self.ctx();
        let request = jobs::CalendarRequest {
            days,
            staff,
            lang: self.lang,
            folder: self.folder.clone(),
        };
        let file = self.db.path().map(std::path::Path::to_path_buf);
        match (file, self.worker.as_mut()) {
            (Some(file), Some(worker)) if !self.db.is_damaged() => {
                worker.submit(jobs::calendar(file, ctx, request));
                Vec::new()
            }
            _ => vec![jobs::calendar_written(&mut self.db, &ctx, &request)],
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::channel;
    use std::time::Duration;

    use super::*;
    use crate::app::FamilyMsg;

    #[test]
    fn the_files_check_answers_while_the_worker_is_still_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.sqlite");
        let db = crate::db::connect(&path, crate::db::Mode::Create, None).unwrap();
        let mut runner = Runner::new(db, "t".into(), 7).unwrap();
        let (release, held) = channel::<()>();
        runner.worker.as_mut().unwrap().submit(Box::new(move |_| {
            let _ = held.recv();
            Ok(Msg::Family(FamilyMsg::Revealed(1)))
        }));
        assert_eq!(runner.dispatch(Effect::CheckIntegrity).unwrap(), vec![]);
        // The worker's job is held: the check's answer comes all the same (within a minute,
        // or the test fails rather than hangs).
        let mut answer = None;
        for _ in 0..6000 {
            answer = runner.background_answer(false);
            if answer.is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(answer, Some(Msg::IntegrityChecked(true)));
        assert!(runner.worker_busy());
        release.send(()).unwrap();
        assert_eq!(
            runner.background_answer(true),
            Some(Msg::Family(FamilyMsg::Revealed(1)))
        );
        assert!(!runner.busy());
    }
}
