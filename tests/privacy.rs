//! A protected family is named only on its own page: one walk through every screen and window
//! the keymap reaches, and through the files the app and the commands write.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test
use hembesok::app::Intent;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use hembesok::app::form::FormKind;
use hembesok::app::keymap::{bindings_in, key_label};
use hembesok::app::{App, Key, Lang, Modal, Question, Screen};
use hembesok::ops::import::{attendance, families, groups, staff, visits};
use hembesok::tui::{Runner, apply, start};
use hembesok::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every name of every family in the register starts with this: none may show outside the
/// family's own page.
const SECRET: &str = "Xylo";

const STAFF: &str = "name;role;organisation;languages;work_days;work_hours;active
Anna Sköterska;nurse;BVC;;mon|tue|wed|thu|fri;08:00-16:30;ja
Bo Rådgivare;parent_advisor;Socialtjänsten;;mon|tue|wed|thu|fri;08:00-16:30;ja
Dalia Tolk;interpreter;Tolkservice;arabiska;mon|tue|wed|thu|fri;08:00-16:30;ja
";

/// Protected families (each kind of protection): one with a newborn visit to book, one with an
/// outcome to record and a visit to book, one visited today without the interpreter it needs,
/// twins, and one in no group yet (a suggestion for one); with caregivers and children, so every
/// kind of name is there to leak.
const FAMILIES: &str = "family_ref;family_name;area;clinic;languages;interpreter_language;protection;programme;status;eligibility;enrolled_on;caregiver1_name;caregiver2_name;child1_name;child1_birth_date;child2_name;child2_birth_date
P-001;Familjen Xylofon;Centrum;BVC Centrum;svenska;;skyddad_folkbokforing;rinkeby;active;first_child;2026-11-30;Xylomamma Ett;Xylopappa Ett;Xylobarn Ett;2026-11-27;;
P-002;Familjen Xylograf;Norrby;BVC Norrby;arabiska;arabiska;sekretessmarkering;goteborg;active;;2026-08-20;Xylomamma Två;Xylopappa Två;Xylobarn Två;2026-08-10;;
P-003;Familjen Xylem;Centrum;BVC Centrum;arabiska;arabiska;fingerade;goteborg;active;first_child;2026-06-01;Xylomamma Tre;;Xylobarn Tre;2026-05-20;;
P-004;Familjen Xylotvilling;Norrby;BVC Norrby;svenska;;skyddad_folkbokforing;goteborg;active;first_child;2026-10-01;Xylomamma Fyra;Xylopappa Fyra;Xylotvilling A;2026-09-20;Xylotvilling B;2026-09-20
P-005;Familjen Xylofri;Centrum;BVC Centrum;svenska;;sekretessmarkering;rinkeby;offered;;;Xylomamma Fem;;Xylobarn Fem;2026-10-15;;
";

/// An outcome not recorded (P-002, Monday), today's visit without an interpreter (P-003), the
/// twins' next visit booked this week, and a done visit with a referral for the report.
const VISITS: &str = "family_ref,child,visit_no,start,duration_min,status,staff,interpreter_language,interpreter,location,themes,referrals,note
P-002,,2,2026-12-07 10:00,60,planned,Anna Sköterska|Bo Rådgivare,arabiska,Dalia Tolk,home,,,
P-003,,3,2026-12-09 13:00,60,planned,Anna Sköterska|Bo Rådgivare,,,home,,,
P-004,Xylotvilling A,1,2026-09-28 10:00,60,done,Anna Sköterska|Bo Rådgivare,,,home,sleep,library,
P-004,Xylotvilling A,2,2026-12-10 10:00,60,planned,Anna Sköterska|Bo Rådgivare,,,home,,,
";

/// A weekly group with a session today, one held without attendance, and every family a member.
const GROUPS: &str = "group;method;language;place;area;leaders;capacity;first_session;sessions;duration_min;themes;members
Vintergruppen;BVC-föräldragrupp;svenska;Familjecentralen;Centrum;Anna Sköterska;8;2026-11-25 09:00;4;60;;P-001|P-002|P-003|P-004
";

const ATTENDANCE: &str = "group;date;family_ref;status;adults;dropins
Vintergruppen;2026-11-25;P-001;present;2;1
Vintergruppen;2026-11-25;P-002;absent;;
";

fn register() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite");
    let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
    let ctx = hembesok::ops::Ctx {
        actor: "samordnare".into(),
        now: NaiveDate::from_ymd_opt(2026, 12, 9)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap(),
    };
    staff::import(&mut db, STAFF, &ctx).unwrap();
    families::import(&mut db, FAMILIES, &ctx).unwrap();
    visits::import(&mut db, VISITS, &ctx, false).unwrap();
    groups::import(&mut db, GROUPS, &ctx).unwrap();
    attendance::import(&mut db, ATTENDANCE, &ctx).unwrap();
    (dir, path)
}

fn open(path: &std::path::Path, lang: Lang) -> (App, Runner) {
    let db = hembesok::db::connect(path, hembesok::db::Mode::Write, None).unwrap();
    let mut runner = Runner::new(db, "samordnare".into(), 7).unwrap();
    runner.clock = NaiveDate::from_ymd_opt(2026, 12, 9)
        .unwrap()
        .and_hms_opt(9, 30, 0);
    runner.lang = lang;
    // Week's `c` writes calendars where the app was started: here, beside the register.
    runner.folder = path.parent().unwrap().join("started-here");
    std::fs::create_dir_all(&runner.folder).unwrap();
    let mut app = App::new(lang, runner.now().date(), runner.programme_ids());
    start(&mut app, &mut runner).unwrap();
    drain(&mut app, &mut runner);
    (app, runner)
}

/// Lets background reads answer, as the event loop does between keys.
fn drain(app: &mut App, runner: &mut Runner) {
    while let Some(action) = runner.background_answer(true) {
        let more = app.receive(action);
        apply(app, runner, more);
    }
}

fn press(app: &mut App, runner: &mut Runner, key: Key) {
    let effects = app.handle_key(key);
    assert!(apply(app, runner, effects), "the walk never quits");
    drain(app, runner);
}

fn screen_text(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| render(app, f, Theme { color: false }))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The family's own page, and the forms and the question that edit its own people: the only
/// places its names may be shown.
fn on_own_page(app: &App) -> bool {
    app.screen == Screen::Families
        && app.family.is_some()
        && app.modals().iter().all(|m| match m {
            Modal::Form(form) => matches!(
                form.kind,
                FormKind::EditFamily(_)
                    | FormKind::AddCaregiver(_)
                    | FormKind::EditCaregiver(_)
                    | FormKind::AddChild(_)
                    | FormKind::EditChild(_)
                    | FormKind::Consent(_)
            ),
            Modal::Help
            | Modal::Question(Question::RemovePerson { .. } | Question::DiscardForm) => true,
            _ => false,
        })
}

/// Where the walk is: the screen, and what is open in front of it.
fn place(app: &App) -> String {
    let front = match app.top() {
        None if app.family.is_some() && app.screen == Screen::Families => "family page".into(),
        None if app.groups.page.is_some() && app.screen == Screen::Groups => "group page".into(),
        None => "screen".to_string(),
        Some(Modal::Form(form)) => format!("form {:?}", form.kind)
            .split('(')
            .next()
            .unwrap_or_default()
            .to_string(),
        Some(Modal::Question(q)) => format!("question {q:?}")
            .split([' ', '(', '{'])
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
        Some(other) => format!("{other:?}")
            .split(['(', ' '])
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    format!("{:?}: {front}", app.screen)
}

/// What the walk has checked: the places it reached, and each screen it read (so a screen
/// reached again by another path is not read four times over).
#[derive(Default)]
struct Seen {
    places: BTreeSet<String>,
    screens: std::collections::HashSet<u64>,
}

fn check(app: &mut App, path: &[Key], seen: &mut Seen) {
    seen.places.insert(place(app));
    if on_own_page(app) {
        return;
    }
    // A window over the family's page: the page behind it may name the family, the window may
    // not, so it is drawn over the list instead.
    let page = if app.screen == Screen::Families {
        app.family.take()
    } else {
        None
    };
    let first = screen_text(app, 120, 40);
    let fingerprint = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        first.hash(&mut h);
        app.message.as_ref().map(|t| (&t.sv, &t.en)).hash(&mut h);
        h.finish()
    };
    let mut texts = vec![(app.lang, 120, 40, first)];
    // Both languages of the same moment (a text is often built twice, once in each), and the
    // small terminal, whose columns cut names differently.
    let shown = app.lang;
    if seen.screens.insert(fingerprint) {
        for (lang, w, h) in [(Lang::Sv, 80, 24), (Lang::En, 80, 24), (Lang::En, 120, 40)] {
            app.lang = lang;
            texts.push((lang, w, h, screen_text(app, w, h)));
        }
    }
    app.lang = shown;
    app.family = page;
    for (lang, w, h, text) in texts {
        assert!(
            !text.contains(SECRET),
            "a protected family is named at {} after {:?} ({lang:?}, {w}×{h}):\n{text}",
            place(app),
            path.iter().map(|k| key_label(*k)).collect::<Vec<_>>()
        );
    }
    if let Some(message) = &app.message {
        assert!(!message.sv.contains(SECRET) && !message.en.contains(SECRET));
    }
}

/// The keys to try where the walk stands: every key the keymap offers there (but quitting and
/// writing a file into the working folder), and some typing where text is typed.
fn keys_here(app: &App) -> Vec<Key> {
    let scopes = app.scopes();
    let exporting =
        matches!(app.top(), Some(Modal::Form(f)) if matches!(f.kind, FormKind::ExportReport(_)));
    let mut keys: Vec<Key> = bindings_in(&scopes)
        .filter(|b| b.action != Intent::Quit)
        .filter(|b| !(exporting && b.action == Intent::Save))
        .flat_map(|b| b.keys.iter().copied())
        .filter(|k| !matches!(k, Key::Ctrl('c') | Key::Char('q')))
        .collect();
    if matches!(app.top(), Some(Modal::Form(_) | Modal::PickStaff(_)))
        || app.families.searching
        || app.staff.searching
    {
        keys.extend([Key::Char('x'), Key::Char('1'), Key::Backspace]);
    }
    keys.sort_by_key(|k| format!("{k:?}"));
    keys.dedup();
    keys
}

/// Back to a screen with nothing open over it.
fn reset(app: &mut App, runner: &mut Runner, screen: char) {
    app.close_all();
    app.family = None;
    app.groups.page = None;
    app.families.searching = false;
    app.staff.searching = false;
    press(app, runner, Key::Char(screen));
}

/// From each screen (and each of its first rows, and each pane), every key, and every key after
/// that: two steps deep into whatever the keymap opens.
fn walk() -> BTreeSet<String> {
    let (_dir, path) = register();
    let (mut app, mut runner) = open(&path, Lang::Sv);
    let mut seen = Seen::default();
    let rows = [vec![], vec![Key::Down], vec![Key::Down, Key::Down]];
    let today_panes = [
        vec![Key::Tab],
        vec![Key::Tab, Key::Down],
        vec![Key::Tab, Key::Down, Key::Down],
    ];
    let report_parts = [vec![Key::Tab], vec![Key::Tab, Key::Tab], vec![Key::BackTab]];
    for screen in ['1', '2', '3', '4', '5', '6'] {
        let mut prefixes = rows.to_vec();
        match screen {
            '1' => prefixes.extend(today_panes.iter().cloned()),
            '6' => prefixes.extend(report_parts.iter().cloned()),
            _ => {}
        }
        for prefix in prefixes {
            reset(&mut app, &mut runner, screen);
            for k in &prefix {
                press(&mut app, &mut runner, *k);
            }
            check(&mut app, &prefix, &mut seen);
            let here = place(&app);
            for first in keys_here(&app) {
                let mut path = prefix.clone();
                path.push(first);
                reset(&mut app, &mut runner, screen);
                for k in &path {
                    press(&mut app, &mut runner, *k);
                }
                check(&mut app, &path, &mut seen);
                // A key that moved or filtered within the same place is not walked further:
                // the place's keys are walked from its own start.
                if place(&app) == here {
                    continue;
                }
                for second in keys_here(&app) {
                    let mut deeper = path.clone();
                    deeper.push(second);
                    reset(&mut app, &mut runner, screen);
                    for k in &deeper {
                        press(&mut app, &mut runner, *k);
                    }
                    check(&mut app, &deeper, &mut seen);
                }
            }
        }
    }
    // The files the walk wrote (Week's calendars) keep the name out too.
    for entry in std::fs::read_dir(&runner.folder).unwrap() {
        let file = entry.unwrap().path();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains(SECRET),
            "{} names a protected family",
            file.display()
        );
        seen.places.insert(format!(
            "file {}",
            file.extension().unwrap().to_string_lossy()
        ));
    }
    seen.places
}

#[test]
fn a_protected_familys_names_show_only_on_its_own_page_in_every_screen_and_window() {
    let seen = walk();
    // The walk must reach the windows where a name was once shown, or it proves nothing.
    for must in [
        "Today: screen",
        "Today: Booking",
        "Today: form ManualBooking",
        "Today: form Outcome",
        "Today: RollCall",
        "Week: screen",
        "Families: screen",
        "Families: family page",
        "Families: Booking",
        "Groups: screen",
        "Groups: group page",
        "Groups: RollCall",
        "Groups: PickMembers",
        "Report: screen",
        "file ics",
    ] {
        assert!(seen.contains(must), "{must} not reached; reached: {seen:?}");
    }
}

#[test]
fn a_protected_familys_names_are_in_no_file_the_commands_write() {
    let (dir, path) = register();
    // The report names the municipality it is for.
    let config = dir.path().join("no-config/hembesok");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "municipality = \"Kommunen\"\nmunicipality_code = \"1442\"\n",
    )
    .unwrap();
    let out = dir.path().join("cal");
    let status = assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .args(["calendar", "--all", "--week", "2026-W50", "--dir"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let mut files = 0;
    for entry in std::fs::read_dir(&out).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!text.contains(SECRET), "{text}");
        files += 1;
    }
    assert!(files > 0, "the week's calendars were written");
    for format in ["csv", "json"] {
        let file = dir.path().join(format!("r.{format}"));
        let run = assert_cmd::Command::cargo_bin("hembesok")
            .unwrap()
            .env("HEMBESOK_DB", &path)
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .args(["report", "--quarter", "2026Q4", "--format", format, "--out"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains(SECRET));
        assert!(!String::from_utf8_lossy(&run.stderr).contains(SECRET));
    }
    let audit = assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .args(["audit", "--family", "P-001"])
        .output()
        .unwrap();
    assert!(audit.status.success());
    assert!(!String::from_utf8_lossy(&audit.stdout).contains(SECRET));
}
