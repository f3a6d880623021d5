import './mock-panel.css';
import { useId, useState } from 'react';
import { resetMockDb } from '../db';
import { devModeratorAccount } from '../moderation-db';
import { getMockScenario, isMockScenario, mockScenarios, setMockScenario } from '../scenario';

function reloadWith(scenario: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('mock', scenario);
  window.location.assign(url);
}

/** A dev-only panel: shows the mock API's scenario, switches it, resets the mock database. */
export function MockPanel() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const scenario = getMockScenario();
  return (
    <aside className="mock-panel" aria-label="Mock API">
      <button
        type="button"
        className="mock-panel__toggle"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        onClick={() => setOpen(!open)}
      >
        Mock API: {scenario}
      </button>
      {open ? (
        <div id={`${id}-body`} className="mock-panel__body">
          <label htmlFor={`${id}-scenario`}>Scenario</label>
          <select
            id={`${id}-scenario`}
            value={scenario}
            onChange={(event) => {
              if (!isMockScenario(event.target.value)) return;
              setMockScenario(event.target.value);
              reloadWith(event.target.value);
            }}
          >
            {Object.keys(mockScenarios).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <p className="mock-panel__hint">{mockScenarios[scenario]}</p>
          <p className="mock-panel__hint">
            Also: <code>?mock=NAME</code> in the address, or <code>mockApi.setScenario()</code>.
          </p>
          <p className="mock-panel__hint">
            Moderate at <a href="/moderate">/moderate</a> as{' '}
            <code>{devModeratorAccount.email}</code>, password{' '}
            <code>{devModeratorAccount.password}</code> (the mock’s development account).
          </p>
          <button
            type="button"
            onClick={() => {
              resetMockDb();
              window.location.reload();
            }}
          >
            Reset mock database
          </button>
        </div>
      ) : null}
    </aside>
  );
}
