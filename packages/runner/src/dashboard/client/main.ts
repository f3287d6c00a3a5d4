import './styles.css';
import { h } from './dom.js';
import { language, setLanguage } from './i18n.js';
import { jobPage } from './pages/job-page.js';
import { jobsPage } from './pages/jobs-page.js';
import { loginPage } from './pages/login-page.js';
import { overviewPage } from './pages/overview-page.js';
import { schedulesPage } from './pages/schedules-page.js';
import { workflowPage } from './pages/workflow-page.js';
import { workflowsPage } from './pages/workflows-page.js';
import { type Session, signIn, signOut, storedToken } from './session.js';
import { drawShell } from './shell-view.js';

/*
 * The dashboard page: hash routes (#/overview, #/jobs, #/jobs?state=Failed, #/jobs/<id>,
 * #/workflows, #/workflows/<id>, #/schedules) drawn into #app. Every read and action goes through the JSON API with the token.
 */

const app = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
let session: Session | undefined;
let leave: (() => void) | undefined;

function render(): void {
  leave?.();
  leave = undefined;
  const [route = 'overview', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [page = 'overview', ...rest] = route.split('/');
  const main = drawShell(
    app,
    {
      session,
      rerender: render,
      signOut: () => {
        signOut();
        session = undefined;
        render();
      },
    },
    page,
  );
  if (!session) {
    const current = session;
    loginPage(main, (signedIn) => {
      if (current !== session) return;
      session = signedIn;
      render();
    });
    return;
  }
  if (page === 'jobs' && rest.length > 0) leave = jobPage(main, session, decodeURIComponent(rest.join('/')));
  else if (page === 'jobs') jobsPage(main, session, new URLSearchParams(query).get('state') ?? undefined);
  else if (page === 'workflows' && rest.length > 0)
    leave = workflowPage(main, session, decodeURIComponent(rest.join('/')));
  else if (page === 'workflows') workflowsPage(main, session);
  else if (page === 'schedules') schedulesPage(main, session);
  else overviewPage(main, session);
}

async function start(): Promise<void> {
  setLanguage(language());
  const token = storedToken();
  if (token) {
    try {
      session = await signIn(token);
    } catch {
      signOut();
    }
  }
  window.addEventListener('hashchange', () => {
    render();
    document.getElementById('main')?.focus();
  });
  render();
}

void start();
