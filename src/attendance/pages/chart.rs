//! The cohort's attendance per session as a bar chart: plain SVG made on the server, with
//! the threshold drawn across and a text alternative.

use leptos::prelude::*;

use crate::attendance::dto::ChartPoint;
use crate::attendance::model::rates::percent;
use crate::attendance::texts::T;
use crate::kernel::i18n::fill;
use crate::kernel::wib;
use crate::platform::page::use_page;

const WIDTH: u32 = 600;
const HEIGHT: u32 = 180;
const LEFT: u32 = 36;
const BOTTOM: u32 = 20;

#[component]
pub fn AttendanceChart(points: Vec<ChartPoint>, threshold: u32) -> impl IntoView {
    let locale = use_page().locale;
    if points.is_empty() {
        return ().into_any();
    }
    let plot_height = HEIGHT - BOTTOM;
    let y = move |per_mille: u32| plot_height - (per_mille.min(1000) * (plot_height - 8) / 1000);
    let count = u32::try_from(points.len()).unwrap_or(1).max(1);
    let slot = (WIDTH - LEFT) as f32 / count as f32;
    let bar = (slot * 0.8).max(1.0);
    let date = wib::date_short;
    let min = points.iter().map(|p| p.rate).min().unwrap_or(0);
    let max = points.iter().map(|p| p.rate).max().unwrap_or(0);
    let label = fill(
        T::ChartLabel.get(locale),
        &[
            ("from", &date(points[0].date)),
            ("to", &date(points[points.len() - 1].date)),
            ("min", &percent(min, locale)),
            ("max", &percent(max, locale)),
        ],
    );
    let line = y(threshold * 10);
    let first = date(points[0].date);
    let last = date(points[points.len() - 1].date);
    view! {
        <figure class="chart">
            // The caption says what the chart shows; the grid below holds every figure.
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true" focusable="false" preserveAspectRatio="none">
                {[0u32, 500, 1000].into_iter().map(|level| view! {
                    <line x1=LEFT x2=WIDTH y1=y(level) y2=y(level) class="chart-grid"/>
                    <text x=LEFT - 4 y=y(level) + 4 text-anchor="end" class="chart-label">{level / 10} "%"</text>
                }).collect_view()}
                {points.iter().enumerate().map(|(i, point)| {
                    let x = LEFT as f32 + i as f32 * slot + (slot - bar) / 2.0;
                    let top = y(point.rate);
                    let class = if point.rate < threshold * 10 { "chart-bar low" } else { "chart-bar" };
                    view! {
                        <rect x=format!("{x:.1}") y=top width=format!("{bar:.1}") height=plot_height - top class=class>
                            <title>{format!("{}: {}", date(point.date), percent(point.rate, locale))}</title>
                        </rect>
                    }
                }).collect_view()}
                <line x1=LEFT x2=WIDTH y1=line y2=line class="chart-threshold"/>
                <text x=LEFT y=HEIGHT - 4 class="chart-label">{first}</text>
                <text x=WIDTH y=HEIGHT - 4 text-anchor="end" class="chart-label">{last}</text>
            </svg>
            <figcaption class="hint">{label}</figcaption>
        </figure>
    }
    .into_any()
}
