//! Spaced repetition with FSRS-6, through the `fsrs` crate (Anki's engine). Pure: the state of
//! an item, the time and the grade in, the new state and its due time out.

use fsrs::{FSRS, MemoryState};

pub const DAY: i64 = 86_400;

/// What the store keeps of an item between reviews.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemState {
    pub stability: f32,
    pub difficulty: f32,
    /// Unix time of the last review.
    pub last: i64,
    pub due: i64,
    pub reps: u32,
    pub lapses: u32,
}

/// FSRS's four grades, from the credit an answer earned: wrong is Again, part credit Hard,
/// right Good. (There is no "Easy": a drill cannot tell easy from right.)
pub fn rating(credit: f64) -> u32 {
    if credit <= 0.0 {
        1
    } else if credit < 1.0 {
        2
    } else {
        3
    }
}

pub struct Scheduler {
    fsrs: FSRS,
}

impl Scheduler {
    /// The default FSRS-6 parameters, or an officer's own fitted ones.
    pub fn new(params: Option<&[f32]>) -> Result<Scheduler, String> {
        let fsrs =
            FSRS::new(params.unwrap_or(&[])).map_err(|e| format!("FSRS parameters: {e:?}"))?;
        Ok(Scheduler { fsrs })
    }

    /// The state after an answer with `credit` at time `now`, aiming at `retention`.
    pub fn review(
        &self,
        state: Option<ItemState>,
        now: i64,
        credit: f64,
        retention: f32,
    ) -> Result<ItemState, String> {
        let days = state.map_or(0, |s| ((now - s.last).max(0) / DAY) as u32);
        let memory = state.map(|s| MemoryState {
            stability: s.stability,
            difficulty: s.difficulty,
        });
        let next = self
            .fsrs
            .next_states(memory, retention, days)
            .map_err(|e| format!("FSRS: {e:?}"))?;
        let r = rating(credit);
        let chosen = match r {
            1 => next.again,
            2 => next.hard,
            _ => next.good,
        };
        // Wrong answers come back the same day, within ten minutes; others after whole days.
        let wait = if r == 1 {
            600
        } else {
            (chosen.interval.round().max(1.0) as i64) * DAY
        };
        let prev = state.unwrap_or(ItemState {
            stability: 0.0,
            difficulty: 0.0,
            last: now,
            due: now,
            reps: 0,
            lapses: 0,
        });
        Ok(ItemState {
            stability: chosen.memory.stability,
            difficulty: chosen.memory.difficulty,
            last: now,
            due: now + wait,
            reps: prev.reps + 1,
            lapses: prev.lapses + u32::from(r == 1 && state.is_some()),
        })
    }

    /// The probability of recalling an item now, by FSRS's forgetting curve.
    pub fn retrievability(&self, state: &ItemState, now: i64, decay: f32) -> f32 {
        let days = (now - state.last).max(0) as f32 / DAY as f32;
        fsrs::current_retrievability(
            MemoryState {
                stability: state.stability,
                difficulty: state.difficulty,
            },
            days,
            decay,
        )
    }
}

/// Fits FSRS parameters to an officer's history: for each item, its reviews in order as
/// (unix time, credit). Needs a few hundred reviews to say anything.
pub fn optimize(histories: &[Vec<(i64, f64)>]) -> Result<Vec<f32>, String> {
    let mut train = Vec::new();
    for h in histories {
        let mut reviews: Vec<fsrs::FSRSReview> = Vec::new();
        let mut last: Option<i64> = None;
        for &(at, credit) in h {
            let delta_t = last.map_or(0, |l| ((at - l).max(0) / DAY) as u32);
            reviews.push(fsrs::FSRSReview {
                rating: rating(credit),
                delta_t,
            });
            last = Some(at);
            // Every prefix with at least one earlier review on another day is a training item.
            if reviews.len() >= 2 && reviews.iter().skip(1).any(|r| r.delta_t > 0) {
                train.push(fsrs::FSRSItem {
                    reviews: reviews.clone(),
                });
            }
        }
    }
    if train.len() < 50 {
        return Err(format!(
            "not enough history to fit parameters yet ({} usable reviews; at least 50 needed, a few hundred are better)",
            train.len()
        ));
    }
    fsrs::compute_parameters(fsrs::ComputeParametersInput {
        train_set: train,
        ..Default::default()
    })
    .map_err(|e| format!("FSRS optimizer: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fsrs::DEFAULT_PARAMETERS as W;

    /// FSRS-6, as published: initial difficulty D0(G) = w4 - e^(w5 (G - 1)) + 1.
    fn d0(g: f32) -> f32 {
        (W[4] - (W[5] * (g - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
    }

    #[test]
    fn first_answers_follow_the_published_initial_formulas() {
        let s = Scheduler::new(None).unwrap();
        let now = 1_700_000_000;
        // Initial stability S0(G) = w[G-1].
        let wrong = s.review(None, now, 0.0, 0.9).unwrap();
        assert!((wrong.stability - W[0]).abs() < 1e-4);
        assert!((wrong.difficulty - d0(1.0)).abs() < 1e-3);
        assert_eq!(
            wrong.due,
            now + 600,
            "a wrong answer comes back within minutes"
        );
        let right = s.review(None, now, 1.0, 0.9).unwrap();
        assert!((right.stability - W[2]).abs() < 1e-4);
        assert!((right.difficulty - d0(3.0)).abs() < 1e-3);
        // At 90 % retention the interval equals the stability: I = S/F (R^(1/-w20) - 1), F = 0.9^(1/-w20) - 1.
        assert_eq!(right.due, now + (W[2].round() as i64) * DAY);
        let half = s.review(None, now, 0.5, 0.9).unwrap();
        assert!((half.stability - W[1]).abs() < 1e-4);
    }

    #[test]
    fn the_interval_follows_the_published_forgetting_curve() {
        // I(R) = S / F * (R^(1/-decay) - 1): higher retention, shorter interval.
        let s = Scheduler::new(None).unwrap();
        let now = 1_700_000_000;
        let mut state = s.review(None, now, 1.0, 0.9).unwrap();
        state = s.review(Some(state), state.due, 1.0, 0.9).unwrap();
        let decay = W[20];
        let f = 0.9f32.powf(-1.0 / decay) - 1.0;
        let expected = |r: f32| state.stability / f * (r.powf(-1.0 / decay) - 1.0);
        assert!((expected(0.9) - state.stability).abs() < 1e-3);
        let strict = s.review(Some(state), state.due, 1.0, 0.95).unwrap();
        let loose = s.review(Some(state), state.due, 1.0, 0.85).unwrap();
        assert!(
            strict.due - state.due < loose.due - state.due,
            "Appendix I items can be held higher"
        );
        // Retrievability after exactly S days is 90 %.
        let r = s.retrievability(
            &state,
            state.last + (state.stability * DAY as f32) as i64,
            decay,
        );
        assert!((r - 0.9).abs() < 1e-3, "{r}");
    }

    #[test]
    fn success_lengthens_and_failure_shortens_memory() {
        let s = Scheduler::new(None).unwrap();
        let mut state = s.review(None, 0, 1.0, 0.9).unwrap();
        let mut intervals = vec![];
        for _ in 0..4 {
            let next = s.review(Some(state), state.due, 1.0, 0.9).unwrap();
            intervals.push(next.due - state.due);
            state = next;
        }
        assert!(intervals.windows(2).all(|w| w[1] > w[0]), "{intervals:?}");
        let lapse = s.review(Some(state), state.due, 0.0, 0.9).unwrap();
        assert!(lapse.stability < state.stability);
        assert_eq!(lapse.lapses, 1);
        assert_eq!(lapse.reps, 6);
    }

    #[test]
    fn optimizer_needs_history() {
        assert!(
            optimize(&[vec![(0, 1.0), (DAY, 1.0)]])
                .unwrap_err()
                .contains("not enough history")
        );
    }
}
