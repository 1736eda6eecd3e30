// A game's results page: deleting the game (after a confirmation) and going back to the list.
(() => {
  const button = document.getElementById('delete-game');
  if (!button) return;
  button.addEventListener('click', async () => {
    if (!confirm('Delete this game with every player\'s answers? This cannot be undone.')) return;
    const response = await fetch(`/api/live/games/${button.dataset.game}`, { method: 'DELETE' });
    if (response.ok) { location.href = '/live/games'; return; }
    const problem = await response.json().catch(() => ({}));
    document.getElementById('delete-status').textContent = problem.detail || 'The game could not be deleted.';
  });
})();
