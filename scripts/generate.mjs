// postinstall: derive the PostgreSQL schema and generate both Prisma clients (offline: no engine
// binaries are involved with engineType "client").
import { execFileSync } from "node:child_process";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const run = (args) => execFileSync(process.execPath, args, { stdio: "inherit", env });
run(["scripts/schemas.mjs"]);
run(["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/schema.prisma"]);
run(["node_modules/prisma/build/index.js", "generate", "--schema", "prisma/postgresql/schema.prisma"]);
