// Test setup (vitest.config.ts setupFiles): tests call commands directly, so they wire the
// features together as every entry point of the app does.
import { wiring } from "../../lib/wiring.ts";

wiring();
