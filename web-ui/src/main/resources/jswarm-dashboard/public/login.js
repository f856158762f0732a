// Login: exchanges the admin token for an HttpOnly session cookie, then opens the dashboard.
const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const token = document.getElementById('token').value;
  try {
    const res = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
      credentials: 'same-origin',
    });
    if (res.ok) {
      location.assign('/');
      return;
    }
    const body = await res.json().catch(() => ({}));
    error.textContent = body.error || `login failed (${res.status})`;
  } catch (err) {
    error.textContent = `cannot reach the dashboard: ${err.message}`;
  }
});
