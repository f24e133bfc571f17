import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Legend, Tooltip);

/** One score snapshot: when it was taken, the score and the coverage (0–100, null when nothing was evaluated). */
interface TrendPoint {
  at: number;
  score: number | null;
  coverage: number | null;
}

/** What the server sends: the period shown and its snapshots, oldest first. */
interface TrendSeries {
  from: number;
  to: number;
  points: TrendPoint[];
}

// Fixed colours: theme properties may hold CSS functions (light-dark(), color-mix()) Chart.js cannot parse.
const scoreColour = '#1676f3';
const coverageColour = '#2e8540';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A score and coverage trend drawn with Chart.js on a linear time axis, so that uneven gaps between
 * evaluations show as gaps rather than being squeezed into equal steps.
 */
class PostureTrendChart extends HTMLElement {
  private chart?: Chart<'line', { x: number; y: number | null }[]>;
  private data?: TrendSeries;

  set series(value: TrendSeries) {
    this.data = value;
    this.draw();
  }

  get series(): TrendSeries | undefined {
    return this.data;
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<style>:host{display:block;position:relative;height:300px}canvas{width:100%;height:100%}</style><canvas role="img"></canvas>';
    }
    this.draw();
  }

  disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private draw() {
    const canvas = this.shadowRoot?.querySelector('canvas');
    if (!canvas || !this.data) {
      return;
    }
    const series = this.data;
    const last = series.points[series.points.length - 1];
    canvas.setAttribute('aria-label', last
      ? `Score trend: ${series.points.length} evaluations, latest score ${last.score === null ? 'none' : Math.floor(last.score)}`
      : 'Score trend: no evaluations in this period');
    const datasets = [
      {
        label: 'Score',
        data: series.points.map((point) => ({ x: point.at, y: point.score })),
        borderColor: scoreColour,
        backgroundColor: scoreColour,
        pointRadius: series.points.length > 60 ? 0 : 3,
        tension: 0.2,
      },
      {
        label: 'Coverage %',
        data: series.points.map((point) => ({ x: point.at, y: point.coverage })),
        borderColor: coverageColour,
        backgroundColor: coverageColour,
        borderDash: [6, 4],
        pointRadius: 0,
        tension: 0.2,
      },
    ];
    this.chart?.destroy();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        spanGaps: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: series.from,
            max: series.to,
            ticks: { callback: (value) => dateFormat.format(new Date(Number(value))), maxTicksLimit: 8 },
          },
          y: { min: 0, max: 100, title: { display: true, text: 'score / coverage %' } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              title: (items) => (items.length ? dateTimeFormat.format(new Date(items[0].parsed.x ?? 0)) : ''),
            },
          },
        },
      },
    });
  }
}

customElements.define('posture-trend-chart', PostureTrendChart);
