//! Slow reads (the search index of every family, the programme alerts) on a thread of their
//! own with its own connection, so that the first frame and every key stay instant. Jobs run
//! one at a time, in the order given, so a newer answer never arrives before an older one;
//! jobs given as `later` (the report's trend) run only while no other job waits, in their order.
use crate::app::Msg;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::db::Db;
use crate::ops::OpsError;

pub type Job = Box<dyn FnOnce(&mut Db) -> Result<Msg, OpsError> + Send>;

/// A job and whether it may wait behind the others.
struct Submitted {
    job: Job,
    later: bool,
}

#[derive(Debug)]
pub struct Worker {
    jobs: Sender<Submitted>,
    answers: Receiver<Msg>,
    pending: usize,
}

fn failed(e: &OpsError) -> Msg {
    Msg::Failed(crate::i18n::messages::outcome::ops_error(e))
}

impl Worker {
    /// Starts the thread; it opens the database itself (WAL lets it read beside the writer).
    pub fn start(path: PathBuf, key: Option<crate::db::Key>) -> Worker {
        let (jobs, job_rx) = channel::<Submitted>();
        let (answer_tx, answers) = channel();
        std::thread::spawn(move || {
            let mut db = match crate::db::connect(&path, crate::db::Mode::Read, key.as_ref()) {
                Ok(db) => db,
                Err(e) => {
                    let _ = answer_tx.send(failed(&OpsError::Read(e)));
                    return;
                }
            };
            let mut later: VecDeque<Job> = VecDeque::new();
            loop {
                // Block only when nothing is put off; else take what waits, or run a later job.
                let next = if later.is_empty() {
                    job_rx.recv().map_err(|_| TryRecvError::Disconnected)
                } else {
                    job_rx.try_recv()
                };
                let job = match next {
                    Ok(Submitted { job, later: false }) => job,
                    Ok(Submitted { job, later: true }) => {
                        later.push_back(job);
                        continue;
                    }
                    Err(TryRecvError::Empty) => match later.pop_front() {
                        Some(job) => job,
                        None => continue,
                    },
                    Err(TryRecvError::Disconnected) => return,
                };
                let answer = job(&mut db).unwrap_or_else(|e| failed(&e));
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
        self.send(job, false);
    }

    /// A job that waits while any other is waiting: the report's trend, behind the quarter
    /// the user just asked for.
    pub fn submit_later(&mut self, job: Job) {
        self.send(job, true);
    }

    fn send(&mut self, job: Job, later: bool) {
        if self.jobs.send(Submitted { job, later }).is_ok() {
            self.pending += 1;
        }
    }

    /// Whether an answer is still to come.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// An answer, if one has arrived.
    pub fn try_recv(&mut self) -> Option<Msg> {
        let answer = self.answers.try_recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(answer)
    }

    /// Waits for the next answer (for tests and benchmarks that need the data now).
    pub fn recv(&mut self) -> Option<Msg> {
        let answer = self.answers.recv().ok()?;
        self.pending = self.pending.saturating_sub(1);
        Some(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::FamilyMsg;

    #[test]
    fn a_job_given_later_waits_behind_one_given_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite");
        drop(crate::db::connect(&path, crate::db::Mode::Create, None).unwrap());
        let mut worker = Worker::start(path, None);
        let (release, wait) = channel::<()>();
        worker.submit(Box::new(move |_| {
            let _ = wait.recv();
            Ok(Msg::Family(FamilyMsg::Revealed(1)))
        }));
        worker.submit_later(Box::new(|_| Ok(Msg::Family(FamilyMsg::Revealed(3)))));
        worker.submit(Box::new(|_| Ok(Msg::Family(FamilyMsg::Revealed(2)))));
        release.send(()).unwrap();
        let order: Vec<_> = (0..3).map(|_| worker.recv().unwrap()).collect();
        assert_eq!(
            order,
            vec![
                Msg::Family(FamilyMsg::Revealed(1)),
                Msg::Family(FamilyMsg::Revealed(2)),
                Msg::Family(FamilyMsg::Revealed(3))
            ]
        );
        assert!(!worker.busy());
    }
}
