/* global document, window, fetch, sessionStorage, URLSearchParams */
// The careers page: open jobs, a job page, sign-up and sign-in, apply (with a résumé), my applications.
// Plain JavaScript, no build step; every text goes through textContent (never innerHTML).
'use strict';

const STAGE_LABELS = {
  applied: 'Application received',
  screening: 'Screening',
  interview: 'Interviews',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Closed',
};
const EMPLOYMENT_LABELS = {
  full_time: 'Full time',
  part_time: 'Part time',
  contract: 'Contract',
  internship: 'Internship',
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === 'onclick' || key === 'onsubmit') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined)
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const session = {
  get: () => JSON.parse(sessionStorage.getItem('careers.session') || 'null'),
  set: (value) => sessionStorage.setItem('careers.session', JSON.stringify(value)),
  clear: () => sessionStorage.removeItem('careers.session'),
};

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  const current = session.get();
  if (current && options.auth) headers.authorization = `Bearer ${current.accessToken}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
  });
  if (response.status === 401 && options.auth && current && !options.retried && (await refresh())) {
    return api(path, Object.assign({}, options, { retried: true }));
  }
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(
      (body && body.error && body.error.message) || `Request failed (${response.status}).`,
    );
    error.status = response.status;
    error.code = body && body.error && body.error.code;
    throw error;
  }
  return body;
}

async function refresh() {
  const current = session.get();
  if (!current) return false;
  try {
    const tokens = await api('/api/auth/refresh', {
      method: 'POST',
      json: { refreshToken: current.refreshToken },
    });
    session.set(Object.assign({}, current, tokens));
    return true;
  } catch {
    session.clear();
    return false;
  }
}

function formatDate(iso) {
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

function salary(job) {
  if (job.salaryMin === undefined && job.salaryMax === undefined) return null;
  const parts = [job.salaryMin, job.salaryMax]
    .filter((value) => value !== undefined)
    .map((value) => value.toLocaleString());
  return `${parts.join(' – ')} ${job.currency || ''}`.trim();
}

function show(...nodes) {
  main.replaceChildren(...nodes);
  main.focus();
}

function renderNav() {
  const current = session.get();
  nav.replaceChildren(
    ...(current
      ? [
          el('a', { href: '#/applications' }, 'My applications'),
          el('button', { type: 'button', onclick: signOut }, `Sign out (${current.user.name})`),
        ]
      : [el('a', { href: '#/signin' }, 'Sign in'), el('a', { href: '#/register' }, 'Create an account')]),
  );
}

async function signOut() {
  const current = session.get();
  session.clear();
  if (current)
    await api('/api/auth/logout', { method: 'POST', json: { refreshToken: current.refreshToken } }).catch(
      () => null,
    );
  renderNav();
  window.location.hash = '#/';
}

async function showJobs() {
  const { jobs } = await api('/api/portal/jobs');
  show(
    el('h1', {}, 'Open positions'),
    jobs.length === 0 ? el('p', {}, 'There are no open positions right now.') : null,
    ...jobs.map((job) =>
      el(
        'article',
        { class: 'card' },
        el('h2', {}, el('a', { href: `#/jobs/${encodeURIComponent(job.id)}` }, job.title)),
        el(
          'p',
          { class: 'meta' },
          [job.department, job.location, EMPLOYMENT_LABELS[job.employmentType]].filter(Boolean).join(' · '),
        ),
      ),
    ),
  );
}

async function showJob(id) {
  const job = await api(`/api/portal/jobs/${encodeURIComponent(id)}`);
  const status = el('p', { role: 'status' });
  const coverLetter = el('textarea', { name: 'coverLetter', rows: '6', maxlength: '2000' });
  const resume = el('input', { type: 'file', name: 'resume', accept: '.pdf,.docx,application/pdf' });
  const apply = async (event) => {
    event.preventDefault();
    if (!session.get()) {
      window.location.hash = `#/signin?next=${encodeURIComponent(`#/jobs/${id}`)}`;
      return;
    }
    status.className = '';
    status.textContent = 'Sending your application…';
    try {
      const application = await api(`/api/portal/jobs/${encodeURIComponent(id)}/apply`, {
        method: 'POST',
        auth: true,
        json: coverLetter.value.trim() ? { coverLetter: coverLetter.value.trim() } : {},
      });
      const file = resume.files && resume.files[0];
      if (file) {
        await api(
          `/api/portal/applications/${encodeURIComponent(application.id)}/resume?fileName=${encodeURIComponent(file.name)}`,
          {
            method: 'PUT',
            auth: true,
            body: file,
            headers: { 'content-type': 'application/octet-stream' },
          },
        );
      }
      status.className = 'ok';
      status.textContent = 'Thank you! Your application was received.';
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  const pay = salary(job);
  show(
    el('p', {}, el('a', { href: '#/' }, '← All positions')),
    el('h1', {}, job.title),
    el(
      'p',
      { class: 'meta' },
      [job.department, job.location, EMPLOYMENT_LABELS[job.employmentType], pay].filter(Boolean).join(' · '),
    ),
    el('p', { class: 'description' }, job.description),
    job.requirements.length ? el('h2', {}, 'What we look for') : null,
    job.requirements.length
      ? el(
          'ul',
          {},
          job.requirements.map((item) => el('li', {}, item)),
        )
      : null,
    el('h2', {}, 'Apply'),
    el(
      'form',
      { onsubmit: apply },
      el('label', {}, 'Cover letter (optional)', coverLetter),
      el('label', {}, 'Résumé (PDF or Word, up to 10 MB, optional)', resume),
      el('button', { type: 'submit' }, session.get() ? 'Send my application' : 'Sign in to apply'),
      status,
    ),
  );
}

function accountForm(kind, next) {
  const isRegister = kind === 'register';
  const status = el('p', { role: 'status' });
  const name = el('input', { name: 'name', autocomplete: 'name', required: '' });
  const email = el('input', { name: 'email', type: 'email', autocomplete: 'email', required: '' });
  const password = el('input', {
    name: 'password',
    type: 'password',
    required: '',
    minlength: isRegister ? '8' : '1',
    autocomplete: isRegister ? 'new-password' : 'current-password',
  });
  const submit = async (event) => {
    event.preventDefault();
    status.className = '';
    status.textContent = '';
    try {
      if (isRegister) {
        await api('/api/auth/register', {
          method: 'POST',
          json: { name: name.value.trim(), email: email.value.trim(), password: password.value },
        });
      }
      const signedIn = await api('/api/auth/login', {
        method: 'POST',
        json: { email: email.value.trim(), password: password.value },
      });
      session.set(signedIn);
      renderNav();
      window.location.hash = next || '#/applications';
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  show(
    el('h1', {}, isRegister ? 'Create an account' : 'Sign in'),
    el(
      'form',
      { onsubmit: submit },
      isRegister ? el('label', {}, 'Your name', name) : null,
      el('label', {}, 'Email', email),
      el('label', {}, 'Password', password),
      el('button', { type: 'submit' }, isRegister ? 'Create my account' : 'Sign in'),
      status,
    ),
    el(
      'p',
      {},
      isRegister
        ? el('a', { href: '#/signin' }, 'I already have an account')
        : el('a', { href: '#/register' }, 'Create an account'),
    ),
  );
}

async function showApplications() {
  if (!session.get()) {
    window.location.hash = '#/signin?next=%23%2Fapplications';
    return;
  }
  const { applications } = await api('/api/portal/applications', { auth: true });
  show(
    el('h1', {}, 'My applications'),
    applications.length === 0
      ? el('p', {}, 'You have not applied yet. ', el('a', { href: '#/' }, 'See the open positions.'))
      : null,
    ...applications.map((application) =>
      el(
        'article',
        { class: 'card' },
        el('h2', {}, application.jobTitle),
        el('p', {}, el('span', { class: 'stage' }, STAGE_LABELS[application.stage] || application.stage)),
        el(
          'ol',
          { class: 'stages' },
          application.stageHistory.map((entry) =>
            el('li', {}, `${formatDate(entry.at)}: ${STAGE_LABELS[entry.stage] || entry.stage}`),
          ),
        ),
      ),
    ),
  );
}

async function route() {
  renderNav();
  const [path, query] = (window.location.hash.slice(1) || '/').split('?');
  const next = new URLSearchParams(query || '').get('next');
  try {
    if (path.startsWith('/jobs/')) await showJob(decodeURIComponent(path.slice('/jobs/'.length)));
    else if (path === '/signin') accountForm('signin', next);
    else if (path === '/register') accountForm('register', next);
    else if (path === '/applications') await showApplications();
    else await showJobs();
  } catch (error) {
    show(
      el('h1', {}, 'Sorry'),
      el('p', { class: 'error' }, error.message),
      el('p', {}, el('a', { href: '#/' }, 'Back to the open positions')),
    );
  }
}

window.addEventListener('hashchange', () => void route());
void route();
