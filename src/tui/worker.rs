//! Slow reads (the search index of every family, the programme alerts) on a thread of their
//! own with its own connection, so that the first frame and every key stay instant. Jobs run
//! one at a time, in the order given, so a newer answer never arrives before an older one.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::app::Action;
use crate::db::{Db, DbError};

pub type Job = Box<dyn FnOnce(&mut Db) -> Result<Action, DbError> + Send>;

#[derive(Debug)]
pub struct Worker {
    jobs: Sender<Job>,
    answers: Receiver<Action>,
    pending: usize,
}

fn failed(e: DbError) -> Action {
    Action::Failed(crate::i18n::outcome::ops_error(
        &crate::ops::OpsError::Read(e),
    ))
}

impl Worker {
    /// Starts the thread; it opens the database itself (WAL lets it read beside the writer).
    pub fn start(path: PathBuf, key: Option<crate::db::Key>) -> Worker {
        let (jobs, job_rx) = channel::<Job>();
        let (answer_tx, answers) = channel();
        std::thread::spawn(move || {
            let mut db = match crate::db::connect(&path, crate::db::Mode::Read, key.as_ref()) {
                Ok(db) => db,
                Err(e) => {
                    let _ = answer_tx.send(failed(e));
                    return;
                }
            };
            for job in job_rx {
                let answer = job(&mut db).unwrap_or_else(failed);
                if answer_tx.send(answer).is_err() {
                    return;
                }
            }
        });
        Worker {
            jobs,
            answers,
            pending: 0,
        }
    }

    pub fn submit(&mut self, job: Job) {
        if self.jobs.send(job).is_ok() {
            self.pending += 1;
        }
    }

    /// Whether an answer is still to come.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// An answer, if one has arrived.
    pub fn try_recv(&mut self) -> Option<Action> {
        let answer = self.answers.try_recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(answer)
    }

    /// Waits for the next answer (for tests and benchmarks that need the data now).
    pub fn recv(&mut self) -> Option<Action> {
        let answer = self.answers.recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(answer)
    }
}
