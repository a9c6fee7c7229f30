//! The measurements of one size, and the markdown tables they are printed as.

use std::time::Duration;

/// One row: every sample of a step, and how many times it went unanswered.
struct Step {
    name: String,
    unit: &'static str,
    samples: Vec<f64>,
    missed: usize,
}

impl Step {
    fn sorted(&self) -> Vec<f64> {
        let mut s = self.samples.clone();
        s.sort_by(f64::total_cmp);
        s
    }

    /// Nearest rank: with fewer than 20 samples the 95th percentile is the worst.
    fn percentile(&self, p: f64) -> Option<f64> {
        let s = self.sorted();
        let rank = ((p * s.len() as f64).ceil() as usize).clamp(1, s.len().max(1));
        s.get(rank - 1).copied()
    }

    fn median(&self) -> Option<f64> {
        self.percentile(0.5)
    }

    fn cell(&self, value: Option<f64>) -> String {
        match value {
            Some(v) if self.unit == "ms" && v >= 1000.0 => format!("{:.2} s", v / 1000.0),
            Some(v) if v >= 100.0 => format!("{v:.0} {}", self.unit),
            Some(v) if v >= 10.0 => format!("{v:.1} {}", self.unit),
            Some(v) => format!("{v:.2} {}", self.unit),
            None => "missed".into(),
        }
    }
}

#[derive(Default)]
pub struct Results {
    steps: Vec<Step>,
}

impl Results {
    fn step(&mut self, name: &str, unit: &'static str) -> &mut Step {
        if let Some(i) = self.steps.iter().position(|s| s.name == name) {
            return &mut self.steps[i];
        }
        self.steps.push(Step {
            name: name.to_string(),
            unit,
            samples: Vec::new(),
            missed: 0,
        });
        let last = self.steps.len() - 1;
        &mut self.steps[last]
    }

    /// A timed step; None is a step that was not answered in time.
    pub fn time(&mut self, name: &str, took: Option<Duration>) {
        let step = self.step(name, "ms");
        match took {
            Some(d) => step.samples.push(d.as_secs_f64() * 1000.0),
            None => step.missed += 1,
        }
    }

    pub fn megabytes(&mut self, name: &str, mb: Option<f64>) {
        let step = self.step(name, "MB");
        match mb {
            Some(v) => step.samples.push(v),
            None => step.missed += 1,
        }
    }

    /// One table: every step with its count, median, 95th percentile and worst.
    pub fn print(&self) {
        println!("| step | n | median | p95 | worst | missed |");
        println!("|---|---|---|---|---|---|");
        for s in &self.steps {
            println!(
                "| {} | {} | {} | {} | {} | {} |",
                s.name,
                s.samples.len(),
                s.cell(s.median()),
                s.cell(s.percentile(0.95)),
                s.cell(s.sorted().last().copied()),
                s.missed
            );
        }
    }
}

/// Thousands with commas, as the issue and the README write them.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every size side by side (medians), and each larger size's median as a multiple of the
/// smallest's: a screen that reads what it shows stays near 1×.
pub fn combined(sizes: &[(usize, Results)]) {
    let Some((smallest, first)) = sizes.first() else {
        return;
    };
    let header: Vec<String> = sizes.iter().map(|(n, _)| thousands(*n)).collect();
    let ratios: Vec<String> = sizes[1..]
        .iter()
        .map(|(n, _)| format!("{} / {}", thousands(*n), thousands(*smallest)))
        .collect();
    println!(
        "| step (median) | {} |",
        [header, ratios].concat().join(" | ")
    );
    println!("|---|{}", "---|".repeat(2 * sizes.len() - 1));
    for step in &first.steps {
        let medians: Vec<Option<f64>> = sizes
            .iter()
            .map(|(_, r)| r.steps.iter().find(|s| s.name == step.name)?.median())
            .collect();
        let mut cells: Vec<String> = medians.iter().map(|m| step.cell(*m)).collect();
        for m in &medians[1..] {
            cells.push(match (medians[0], m) {
                (Some(a), Some(b)) if a > 0.0 => format!("{:.1}×", b / a),
                _ => "–".into(),
            });
        }
        println!("| {} | {} |", step.name, cells.join(" | "));
    }
}
