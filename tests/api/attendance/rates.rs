//! The staff home's list of trainees at risk counts marks in the database (it never loads
//! them); its rates and absence streaks must be those of the cohort grid, which walks
//! every mark in order.

use crate::support::attendance::{class, grid_and_overview, held_days_ago, named, roll_form, save, Class};

#[tokio::test]
async fn the_at_risk_list_counts_the_same_rates_and_streaks_as_the_grid() {
    let Class {
        app,
        records,
        cohort,
        past_session,
        ..
    } = class().await;
    // Eight held sessions in order: yesterday's and seven more, one a day before it.
    let mut held = held_days_ago(&app, cohort, (2..=8).rev()).await;
    held.push(past_session);
    // Adi: came, missed, excused, unmarked, missed, came, missed, sick → a run of 1.
    // Bayu: missed all but the third (late) → a run of 5. Citra: missed everything → 8.
    let adi = ["hadir", "alpa", "izin", "", "alpa", "hadir", "alpa", "sakit"];
    let bayu = [
        "alpa",
        "alpa",
        "terlambat",
        "alpa",
        "alpa",
        "alpa",
        "alpa",
        "alpa",
    ];
    let rina = app.signed_in("rina@uji.id").await;
    for (i, session) in held.iter().enumerate() {
        let mut lines = Vec::new();
        if !adi[i].is_empty() {
            lines.push((records[0], adi[i], ""));
        }
        lines.push((records[1], bayu[i], ""));
        lines.push((records[2], "alpa", ""));
        let (status, body) = save(&app, &rina, &roll_form(*session, &lines)).await;
        assert_eq!(status, 200, "{body}");
    }

    let (grid, overview) = grid_and_overview(&app, &rina, cohort).await;
    let in_grid = |name: &str| named(&grid["rows"], name);
    let at_risk = |name: &str| named(&overview["at_risk"], name);
    for (name, streak) in [("Adi", 1), ("Bayu", 5), ("Citra", 8)] {
        let listed = at_risk(name);
        assert_eq!(listed["rates"]["streak"], streak, "{name}: {listed}");
        assert_eq!(listed["rates"], in_grid(name)["rates"], "{name}");
        assert_eq!(listed["warnings"], in_grid(name)["warnings"], "{name}");
    }
    assert_eq!(at_risk("Adi")["rates"]["unmarked"], 1);
    assert_eq!(at_risk("Adi")["rates"]["sick"], 1);
    assert_eq!(at_risk("Bayu")["rates"]["late"], 1);
    assert!(at_risk("Citra")["warnings"].to_string().contains("Streak"));
    assert!(!at_risk("Adi")["warnings"].to_string().contains("Streak"));
}
