export default defineBackground(() => {
  // Wiring only: context menus, commands and saving arrive with the library.
});
