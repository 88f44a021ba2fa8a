import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { Boards } from './boards.js';
import { Link, useRoute } from './router.js';
import { TraceList } from './trace-list.js';
import { TraceView } from './waterfall.js';

function App() {
  const route = useRoute();
  return (
    <>
      <nav class="topbar">
        <strong>lift-sys trace explorer</strong>
        <Link href="/" class={route.view !== 'boards' ? 'active' : ''} testId="nav-traces">
          Traces
        </Link>
        <Link href="/boards" class={route.view === 'boards' ? 'active' : ''} testId="nav-boards">
          Boards
        </Link>
      </nav>
      <main>
        {route.view === 'traces' && <TraceList />}
        {route.view === 'trace' && <TraceView traceId={route.traceId} spanId={route.spanId} />}
        {route.view === 'boards' && <Boards />}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
