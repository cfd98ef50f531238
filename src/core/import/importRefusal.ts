/** Why a page was not imported; the message names the cause and is shown to the user as is. */
export class ImportRefusal extends Error {}
