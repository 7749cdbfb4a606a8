/* global document, window, fetch, sessionStorage, localStorage, URLSearchParams, Event */
// The careers page: open jobs, a job page, sign-up (confirmed by a mailed link) and sign-in, password
// reset by a mailed link, apply (with a résumé), my applications.
// Plain JavaScript, no build step; every text goes through textContent (never innerHTML).
// Tokens of mailed links arrive in the URL's fragment (never sent to a server) and are removed from
// the address bar as soon as they are read.
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

/**
 * The organisation of this page: `/careers/<slug>/` is that organisation's, `/careers/` the
 * deployment's first one's. Its portal API is `/api/portal/<slug>` (or `/api/portal`).
 */
const ORGANISATION_SLUG = (/^\/careers\/([a-z0-9-]+)\//.exec(window.location.pathname) || [])[1] || null;
const PORTAL = ORGANISATION_SLUG ? `/api/portal/${ORGANISATION_SLUG}` : '/api/portal';
const SESSION_KEY = `careers.session.${ORGANISATION_SLUG || ''}`;

/** The signed-in account, kept for this browser (every tab) until signing out or the refresh fails. */
const session = {
  get: () => {
    try {
      return JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
    } catch {
      return null;
    }
  },
  set: (value) => localStorage.setItem(SESSION_KEY, JSON.stringify(value)),
  clear: () => localStorage.removeItem(SESSION_KEY),
};

// Another tab signing in or out changes what this one shows.
window.addEventListener('storage', (event) => {
  if (event.key === SESSION_KEY) renderNav();
});

/** A verification link opened before signing in: kept for this tab until the person signs in. */
const pendingVerification = {
  get: () => sessionStorage.getItem('careers.pendingVerification'),
  set: (token) => sessionStorage.setItem('careers.pendingVerification', token),
  clear: () => sessionStorage.removeItem('careers.pendingVerification'),
};

/** The token of a mailed link in the current address, removed from the address bar (and history). */
function takeLinkToken(query, path) {
  const token = new URLSearchParams(query || '').get('token');
  if (token) window.history.replaceState(null, '', `${window.location.pathname}#${path}`);
  return token;
}

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

function money(amount, currency) {
  if (!currency) return amount.toLocaleString();
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${amount.toLocaleString()} ${currency}`;
  }
}

/** "€85,000 – €105,000", "from €85,000", "up to €105,000", or null when the advert gives none. */
function salary(job) {
  const { salaryMin: min, salaryMax: max, currency } = job;
  if (min !== undefined && max !== undefined) return `${money(min, currency)} – ${money(max, currency)}`;
  if (min !== undefined) return `from ${money(min, currency)}`;
  if (max !== undefined) return `up to ${money(max, currency)}`;
  return null;
}

function show(...nodes) {
  main.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined));
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

/**
 * Whether the address is still the one a view started at: a view whose data arrives after the person
 * moved on (signed in, opened another page) must not replace what they are looking at.
 */
function isStillAt(hash) {
  return window.location.hash === hash;
}

async function showJobs() {
  const at = window.location.hash;
  const { jobs } = await api(`${PORTAL}/jobs`);
  if (!isStillAt(at)) return;
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
  const at = window.location.hash;
  const job = await api(`${PORTAL}/jobs/${encodeURIComponent(id)}`);
  if (!isStillAt(at)) return;
  const status = el('p', { role: 'status' });
  const coverLetter = el('textarea', { name: 'coverLetter', rows: '6', maxlength: '2000' });
  const resume = el('input', { type: 'file', name: 'resume', accept: '.pdf,.docx,application/pdf' });
  const submitButton = el(
    'button',
    { type: 'submit' },
    session.get() ? 'Send my application' : 'Sign in to apply',
  );
  const signInHere = el('div', { class: 'inline-signin' });
  const apply = async (event) => {
    event.preventDefault();
    if (!session.get()) {
      // Signing in here keeps the cover letter and the chosen file in the form above.
      signInHere.replaceChildren(
        inlineSignIn(() => {
          signInHere.replaceChildren();
          submitButton.textContent = 'Send my application';
          void apply(new Event('submit'));
        }),
      );
      return;
    }
    status.className = '';
    status.textContent = 'Sending your application…';
    try {
      const application = await api(`${PORTAL}/jobs/${encodeURIComponent(id)}/apply`, {
        method: 'POST',
        auth: true,
        json: coverLetter.value.trim() ? { coverLetter: coverLetter.value.trim() } : {},
      });
      const file = resume.files && resume.files[0];
      if (file) {
        await api(
          `${PORTAL}/applications/${encodeURIComponent(application.id)}/resume?fileName=${encodeURIComponent(file.name)}`,
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
      if (error.code === 'email_not_verified') status.append(' ', resendButton());
    }
  };
  const pay = salary(job);
  show(
    el('p', {}, el('a', { href: '#/' }, '← All positions')),
    verificationNotice(),
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
      submitButton,
      status,
    ),
    signInHere,
  );
}

/** A sign-in form inside another page (the job's, so what was typed there stays); calls `done` once in. */
function inlineSignIn(done) {
  const status = el('p', { role: 'status' });
  const email = el('input', { name: 'email', type: 'email', autocomplete: 'email', required: '' });
  const password = el('input', {
    name: 'password',
    type: 'password',
    required: '',
    autocomplete: 'current-password',
  });
  const submit = async (event) => {
    event.preventDefault();
    status.className = '';
    status.textContent = '';
    try {
      const signedIn = await api('/api/auth/login', {
        method: 'POST',
        json: { email: email.value.trim(), password: password.value },
      });
      session.set(signedIn);
      renderNav();
      done();
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  return el(
    'form',
    { onsubmit: submit, 'aria-label': 'Sign in to apply' },
    el('h2', {}, 'Sign in to send your application'),
    el('label', {}, 'Email', email),
    el('label', {}, 'Password', password),
    el('button', { type: 'submit' }, 'Sign in and apply'),
    status,
    el(
      'p',
      {},
      el('a', { href: '#/register' }, 'Create an account'),
      ' · ',
      el('a', { href: '#/forgot' }, 'Forgot your password?'),
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
        const answer = await api('/api/auth/register', {
          method: 'POST',
          json: Object.assign(
            { name: name.value.trim(), email: email.value.trim(), password: password.value },
            ORGANISATION_SLUG ? { organisation: ORGANISATION_SLUG } : {},
          ),
        });
        showCheckEmail('Confirm your email address', answer.message, [
          'You can sign in meanwhile; you can apply once your address is confirmed.',
        ]);
        return;
      }
      const signedIn = await api('/api/auth/login', {
        method: 'POST',
        json: { email: email.value.trim(), password: password.value },
      });
      const organisation = await organisationReady;
      if (organisation && signedIn.user.organisationId !== organisation.id) {
        await api('/api/auth/logout', { method: 'POST', json: { refreshToken: signedIn.refreshToken } });
        const home = `/careers/${encodeURIComponent(signedIn.user.organisationSlug)}/`;
        status.className = 'error';
        status.textContent = `This account belongs to ${signedIn.user.organisationName}: sign in on its careers page, ${window.location.origin}${home}`;
        return;
      }
      session.set(signedIn);
      renderNav();
      window.location.hash = pendingVerification.get() ? '#/verify' : next || '#/applications';
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  show(
    el('h1', {}, isRegister ? 'Create an account' : 'Sign in'),
    !isRegister && pendingVerification.get()
      ? el('p', { class: 'notice' }, 'Sign in to confirm your email address.')
      : null,
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
        : [
            el('a', { href: '#/forgot' }, 'Forgot your password?'),
            ' · ',
            el('a', { href: '#/register' }, 'Create an account'),
          ],
    ),
  );
}

/** "Check your email": what register and password-reset requests answer, whatever happened. */
function showCheckEmail(title, message, extra) {
  show(
    el('h1', {}, title),
    el('p', { class: 'notice', role: 'status' }, message),
    ...(extra || []).map((line) => el('p', {}, line)),
    el('p', {}, el('a', { href: '#/signin' }, 'Go to sign in')),
  );
}

/** A button that mails the signed-in, unconfirmed account a new verification link. */
function resendButton() {
  const button = el('button', { type: 'button', class: 'link-button' }, 'Send the link again');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('/api/auth/verify/resend', { method: 'POST', auth: true, json: {} });
      button.replaceWith(`We sent a new link to ${session.get().user.email}.`);
    } catch (error) {
      button.disabled = false;
      button.replaceWith(error.message);
    }
  });
  return button;
}

/** For a signed-in account that has not confirmed its address: why it cannot apply, and "resend". */
function verificationNotice() {
  const current = session.get();
  if (!current || current.user.emailVerified !== false) return null;
  return el(
    'p',
    { class: 'notice', role: 'status' },
    `Please confirm your email address (${current.user.email}) to apply: open the link we sent you. `,
    resendButton(),
  );
}

/** `#/verify?token=…`: the mailed verification link. The account must be signed in to confirm. */
async function showVerify(query) {
  const token = takeLinkToken(query, '/verify') || pendingVerification.get();
  if (!token) {
    show(el('h1', {}, 'Confirm your email address'), el('p', { class: 'error' }, 'This link is incomplete.'));
    return;
  }
  if (!session.get()) {
    pendingVerification.set(token);
    window.location.hash = '#/signin';
    return;
  }
  pendingVerification.clear();
  try {
    await api('/api/auth/verify', { method: 'POST', auth: true, json: { token } });
    const current = session.get();
    session.set(
      Object.assign({}, current, { user: Object.assign({}, current.user, { emailVerified: true }) }),
    );
    show(
      el('h1', {}, 'Your email address is confirmed'),
      el('p', { class: 'ok', role: 'status' }, 'Thank you. You can now apply for our open positions.'),
      el('p', {}, el('a', { class: 'button', href: '#/' }, 'See the open positions')),
    );
  } catch (error) {
    show(
      el('h1', {}, 'Confirm your email address'),
      el('p', { class: 'error' }, error.message),
      error.code === 'invalid_link' ? el('p', {}, resendButton()) : null,
    );
  }
}

/** `#/forgot`: ask for a password-reset link. */
function showForgot() {
  const email = el('input', { name: 'email', type: 'email', autocomplete: 'email', required: '' });
  const status = el('p', { role: 'status' });
  const submit = async (event) => {
    event.preventDefault();
    try {
      const answer = await api('/api/auth/password-reset', {
        method: 'POST',
        json: { email: email.value.trim() },
      });
      showCheckEmail('Check your email', answer.message, ['The link works for one hour.']);
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  };
  show(
    el('h1', {}, 'Forgot your password?'),
    el('p', {}, 'Enter the email address of your account. We will send you a link to choose a new password.'),
    el(
      'form',
      { onsubmit: submit },
      el('label', {}, 'Email', email),
      el('button', { type: 'submit' }, 'Send me a link'),
      status,
    ),
    el('p', {}, el('a', { href: '#/signin' }, 'Back to sign in')),
  );
}

/** The token of the reset link being used (gone from the address bar once read). */
let resetToken = null;

/** `#/reset?token=…`: the mailed reset link: choose a new password. */
function showReset(query) {
  const token = takeLinkToken(query, '/reset') || resetToken;
  resetToken = token;
  if (!token) {
    show(el('h1', {}, 'Choose a new password'), el('p', { class: 'error' }, 'This link is incomplete.'));
    return;
  }
  const password = el('input', {
    name: 'password',
    type: 'password',
    required: '',
    minlength: '8',
    autocomplete: 'new-password',
  });
  const repeat = el('input', {
    name: 'repeat',
    type: 'password',
    required: '',
    autocomplete: 'new-password',
  });
  const status = el('p', { role: 'status' });
  const submit = async (event) => {
    event.preventDefault();
    status.className = 'error';
    if (password.value !== repeat.value) {
      status.textContent = 'The two passwords are not the same.';
      return;
    }
    try {
      await api('/api/auth/password-reset/confirm', {
        method: 'POST',
        json: { token, password: password.value },
      });
      resetToken = null;
      // Every session of the account has ended, this one included.
      session.clear();
      renderNav();
      show(
        el('h1', {}, 'Your password is changed'),
        el(
          'p',
          { class: 'ok', role: 'status' },
          'You were signed out everywhere. Sign in with your new password.',
        ),
        el('p', {}, el('a', { class: 'button', href: '#/signin' }, 'Sign in')),
      );
    } catch (error) {
      if (error.code === 'invalid_link') {
        status.textContent = 'This link is not valid any more: it was used already, or it has expired. ';
        status.append(el('a', { href: '#/forgot' }, 'Ask for a new one.'));
      } else {
        status.textContent = error.message;
      }
    }
  };
  show(
    el('h1', {}, 'Choose a new password'),
    el(
      'form',
      { onsubmit: submit },
      el('label', {}, 'New password (at least 8 characters)', password),
      el('label', {}, 'The same password again', repeat),
      el('button', { type: 'submit' }, 'Change my password'),
      status,
    ),
  );
}

async function showApplications() {
  if (!session.get()) {
    window.location.hash = '#/signin?next=%23%2Fapplications';
    return;
  }
  const at = window.location.hash;
  const { applications } = await api(`${PORTAL}/applications`, { auth: true });
  if (!isStillAt(at)) return;
  show(
    el('h1', {}, 'My applications'),
    verificationNotice(),
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
    else if (path === '/verify') await showVerify(query);
    else if (path === '/forgot') showForgot();
    else if (path === '/reset') showReset(query);
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

/** The organisation of this page, shown in the header and the title (null if it cannot be read). */
const organisationReady = api(`${PORTAL}/organisation`).then(
  (organisation) => {
    const brand = document.querySelector('.brand');
    if (brand) brand.textContent = `${organisation.name} · Careers`;
    document.title = `Careers at ${organisation.name}`;
    return organisation;
  },
  () => null,
);

window.addEventListener('hashchange', () => void route());
void route();
