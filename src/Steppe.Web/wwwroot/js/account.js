// Sign in, sign up and account forms: JSON to /api/account, ProblemDetails messages shown next to the button.
(() => {
  const messageOf = async (response) => {
    try {
      const problem = await response.json();
      const errors = problem.errors ? Object.values(problem.errors).flat() : [];
      return errors.length ? errors.join(' ') : (problem.detail || problem.title || `The server answered ${response.status}.`);
    } catch {
      return response.status === 429 ? 'Too many attempts; wait a minute.' : `The server answered ${response.status}.`;
    }
  };
  // The server checked the return address (a path of this site); checked again here with the same rules, so the
  // browser never leaves the site: not "//host", "/\\host", nor "/<tab>/host" (browsers drop tabs from addresses).
  const isLocal = (url) => typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')
    && !/[\u0000-\u001f\u007f-\u009f]/.test(url);
  const returnUrl = () => {
    const url = document.getElementById('auth-form')?.dataset.returnUrl;
    return isLocal(url) ? url : '/';
  };
  const routes = {
    signin: { method: 'POST', url: '/api/account/signin', done: () => location.assign(returnUrl()) },
    signup: { method: 'POST', url: '/api/account/signup', done: () => location.assign(returnUrl()) },
    password: { method: 'POST', url: '/api/account/password', done: (form, status) => { form.reset(); status.textContent = 'Password changed.'; } },
    signout: { method: 'POST', url: '/api/account/signout', done: () => location.assign('/') },
    delete: { method: 'DELETE', url: '/api/account', done: () => location.assign('/') },
  };
  for (const form of document.querySelectorAll('form[data-action]')) {
    const route = routes[form.dataset.action];
    const status = form.querySelector('.form-status');
    const button = form.querySelector('button');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (form.dataset.action === 'delete' && !confirm('Delete your account and all its data?')) return;
      const body = Object.fromEntries(new FormData(form).entries());
      button.disabled = true;
      status.classList.remove('error');
      status.textContent = 'One moment…';
      try {
        const response = await fetch(route.url, {
          method: route.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
        });
        if (response.ok) {
          status.textContent = '';
          route.done(form, status);
        } else {
          status.classList.add('error');
          status.textContent = await messageOf(response);
        }
      } catch {
        status.classList.add('error');
        status.textContent = 'Steppe could not be reached. Try again.';
      } finally {
        button.disabled = false;
      }
    });
  }
  const email = document.getElementById('account-email');
  if (email) {
    fetch('/api/account').then(r => r.ok ? r.json() : null).then(me => { if (me) email.textContent = me.email; });
  }
})();
