//! Distribution guidance (指导数): report the spread of stars against the soft targets, and
//! enforce a five-star cap where the rubric says so.

use serde::{Deserialize, Serialize};

use crate::rubric::GuidanceTarget;
use crate::{Points, Rubric, StarLevel};

/// A target and how far the round is from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceDeviation {
    /// The target.
    pub target: GuidanceTarget,
    /// The share actually rated in the group, per-mille (rounded down).
    pub actual_permille: u32,
}

/// The spread of a round's stars against the rubric's guidance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceReport {
    /// Organizations rated.
    pub rated: u32,
    /// How many at each level, index = stars (0 = 无星级).
    pub counts: [u32; 6],
    /// Every target with the actual share (soft: for the reviewers, not a refusal).
    pub targets: Vec<GuidanceDeviation>,
    /// Five-star share, per-mille.
    pub five_star_permille: u32,
    /// Whether the five-star share is above the rubric's cap.
    pub cap_exceeded: bool,
}

fn permille(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        u32::try_from(u64::from(part) * 1000 / u64::from(whole)).unwrap_or(1000)
    }
}

/// Reports the spread of `stars` against the rubric's guidance.
#[must_use]
pub fn guidance_report(rubric: &Rubric, stars: &[StarLevel]) -> GuidanceReport {
    let mut r = GuidanceReport {
        rated: u32::try_from(stars.len()).unwrap_or(u32::MAX),
        ..GuidanceReport::default()
    };
    for s in stars {
        if let Some(c) = r.counts.get_mut(usize::from(s.get())) {
            *c += 1;
        }
    }
    r.five_star_permille = permille(r.counts[5], r.rated);
    if let Some(g) = &rubric.data().guidance {
        for t in &g.targets {
            let in_group = (t.min_stars.get()..=t.max_stars.get())
                .filter_map(|s| r.counts.get(usize::from(s)))
                .sum::<u32>();
            r.targets.push(GuidanceDeviation {
                target: *t,
                actual_permille: permille(in_group, r.rated),
            });
        }
        r.cap_exceeded = g
            .five_star_cap
            .is_some_and(|cap| u64::from(r.counts[5]) * 1000 > u64::from(cap) * u64::from(r.rated));
    }
    r
}

/// Applies an enforced five-star cap to a round: at most ⌊cap × rated / 1000⌋ organizations
/// keep five stars — those with the highest totals, earlier entries first on a tie — and the
/// rest get four. Without an enforced cap the stars come back unchanged.
///
/// ```
/// use zugong_branch::{enforce_five_star_cap, presets, Points, StarLevel};
/// let rubric = presets::university_2024()?; // five stars at most 30%, enforced
/// let five = StarLevel::FIVE;
/// let four = StarLevel::new(4)?;
/// let round = [(five, Points::whole(95)), (five, Points::whole(97)), (four, Points::whole(85)),
///              (four, Points::whole(81)), (five, Points::whole(92))];
/// let capped = enforce_five_star_cap(&rubric, &round);
/// assert_eq!(capped, [four, five, four, four, four]); // ⌊30% × 5⌋ = 1
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn enforce_five_star_cap(rubric: &Rubric, round: &[(StarLevel, Points)]) -> Vec<StarLevel> {
    let mut out: Vec<StarLevel> = round.iter().map(|(s, _)| *s).collect();
    let Some(cap) = rubric
        .data()
        .guidance
        .as_ref()
        .filter(|g| g.enforce_cap)
        .and_then(|g| g.five_star_cap)
    else {
        return out;
    };
    let allowed =
        usize::try_from(u64::from(cap) * (round.len() as u64) / 1000).unwrap_or(usize::MAX);
    let mut fives: Vec<(usize, Points)> = round
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| *s == StarLevel::FIVE)
        .map(|(i, (_, p))| (i, *p))
        .collect();
    fives.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (i, _) in fives.into_iter().skip(allowed) {
        if let Some(s) = out.get_mut(i) {
            *s = StarLevel::FIVE.down(1);
        }
    }
    out
}
