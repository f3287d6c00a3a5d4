"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/http/index.ts
var http_exports = {};
__export(http_exports, {
  API_ROLES: () => API_ROLES,
  FileNotFoundError: () => FileNotFoundError,
  ForbiddenError: () => ForbiddenError,
  HTTP_DEFAULTS: () => HTTP_DEFAULTS,
  HTTP_STATUS_BY_CODE: () => HTTP_STATUS_BY_CODE,
  METRICS_DEFAULTS: () => METRICS_DEFAULTS,
  MIN_TOKEN_LENGTH: () => MIN_TOKEN_LENGTH,
  OVERVIEW_COUNT_LIMIT: () => OVERVIEW_COUNT_LIMIT,
  RequestInvalidError: () => RequestInvalidError,
  RouteNotFoundError: () => RouteNotFoundError,
  ScheduleNameTakenError: () => ScheduleNameTakenError,
  UnauthorizedError: () => UnauthorizedError,
  buildOpenApiDocument: () => buildOpenApiDocument,
  buildOverview: () => buildOverview,
  createHttpServer: () => createHttpServer,
  dashboardAssetsDir: () => dashboardAssetsDir,
  dashboardEnabled: () => dashboardEnabled,
  dashboardMessages: () => dashboardMessages,
  hangarHttpPlugin: () => hangarHttpPlugin,
  httpMessages: () => httpMessages,
  loadDashboardAssets: () => loadDashboardAssets,
  registerDashboard: () => registerDashboard,
  resolveHttpOptions: () => resolveHttpOptions,
  scanOverview: () => scanOverview
});
module.exports = __toCommonJS(http_exports);

// ../../node_modules/tsup/assets/cjs_shims.js
var getImportMetaUrl = () => typeof document === "undefined" ? new URL(`file:${__filename}`).href : document.currentScript && document.currentScript.tagName.toUpperCase() === "SCRIPT" ? document.currentScript.src : new URL("main.js", document.baseURI).href;
var importMetaUrl = /* @__PURE__ */ getImportMetaUrl();

// src/dashboard/dashboard-assets.ts
var import_node_fs = require("fs");
var import_node_path = require("path");
var import_node_url = require("url");
var import_core = require("@hangar/core");
var PACKAGE_NAME = "@hangar/runner";
function dashboardAssetsDir() {
  for (let dir = (0, import_node_path.dirname)((0, import_node_url.fileURLToPath)(importMetaUrl)); ; dir = (0, import_node_path.dirname)(dir)) {
    try {
      const pkg = JSON.parse((0, import_node_fs.readFileSync)((0, import_node_path.join)(dir, "package.json"), "utf8"));
      if (pkg.name === PACKAGE_NAME) return (0, import_node_path.join)(dir, "dist", "dashboard");
    } catch {
    }
    if ((0, import_node_path.dirname)(dir) === dir) {
      throw new import_core.ConfigurationError("dashboard", `the ${PACKAGE_NAME} package directory was not found`);
    }
  }
}
function loadDashboardAssets(dir = dashboardAssetsDir()) {
  const read = (name) => {
    try {
      return (0, import_node_fs.readFileSync)((0, import_node_path.join)(dir, name));
    } catch {
      throw new import_core.ConfigurationError(
        "dashboard",
        `the dashboard file ${name} is missing from ${dir}; build the package (npm run build)`
      );
    }
  };
  return { script: read("app.js"), style: read("app.css") };
}

// src/dashboard/dashboard-messages.ts
var dashboardMessages = {
  en: {
    "hangar.dashboard.title": "Hangar dashboard",
    "hangar.dashboard.language": "Language",
    "hangar.dashboard.nav.overview": "Overview",
    "hangar.dashboard.nav.jobs": "Jobs",
    "hangar.dashboard.nav.schedules": "Schedules",
    "hangar.dashboard.nav.main": "Main navigation",
    "hangar.dashboard.login.heading": "Sign in with an API token",
    "hangar.dashboard.login.token": "Bearer token",
    "hangar.dashboard.login.submit": "Sign in",
    "hangar.dashboard.login.hint": "The token stays in this browser tab only (session storage).",
    "hangar.dashboard.logout": "Sign out",
    "hangar.dashboard.signedInAs": "Signed in as {userId} ({customerId}, {roles})",
    "hangar.dashboard.loading": "Loading\u2026",
    "hangar.dashboard.refresh": "Refresh",
    "hangar.dashboard.none": "Nothing to show",
    "hangar.dashboard.filter.state": "State",
    "hangar.dashboard.filter.type": "Job type",
    "hangar.dashboard.filter.queue": "Queue",
    "hangar.dashboard.filter.user": "User",
    "hangar.dashboard.filter.customer": "Customer (admins)",
    "hangar.dashboard.filter.any": "Any",
    "hangar.dashboard.filter.apply": "Filter",
    "hangar.dashboard.search.id": "Job id",
    "hangar.dashboard.search.open": "Open",
    "hangar.dashboard.jobs.heading": "Jobs",
    "hangar.dashboard.jobs.next": "Next page",
    "hangar.dashboard.jobs.first": "First page",
    "hangar.dashboard.jobs.select": "Select job {id}",
    "hangar.dashboard.jobs.selectAll": "Select every job of this page",
    "hangar.dashboard.jobs.selected": "{count} selected",
    "hangar.dashboard.jobs.bulkDone": "{action}: {ok} done, {failed} refused",
    "hangar.dashboard.column.id": "Id",
    "hangar.dashboard.column.type": "Type",
    "hangar.dashboard.column.queue": "Queue",
    "hangar.dashboard.column.state": "State",
    "hangar.dashboard.column.user": "User",
    "hangar.dashboard.column.customer": "Customer",
    "hangar.dashboard.column.progress": "Progress",
    "hangar.dashboard.column.created": "Created",
    "hangar.dashboard.column.count": "Jobs",
    "hangar.dashboard.column.oldest": "Oldest waiting since",
    "hangar.dashboard.action.cancel": "Cancel",
    "hangar.dashboard.action.retry": "Retry",
    "hangar.dashboard.action.delete": "Delete",
    "hangar.dashboard.action.pause": "Pause",
    "hangar.dashboard.action.resume": "Resume",
    "hangar.dashboard.action.trigger": "Run now",
    "hangar.dashboard.action.confirmDelete": "Delete {count} finished job(s) with their logs?",
    "hangar.dashboard.job.heading": "Job {id}",
    "hangar.dashboard.job.params": "Parameters",
    "hangar.dashboard.job.times": "Times",
    "hangar.dashboard.job.createdAt": "Created",
    "hangar.dashboard.job.runAt": "Run at",
    "hangar.dashboard.job.startedAt": "Started",
    "hangar.dashboard.job.finishedAt": "Finished",
    "hangar.dashboard.job.attempts": "Attempts",
    "hangar.dashboard.job.attemptsValue": "{attempts} of {maxAttempts}",
    "hangar.dashboard.job.worker": "Worker",
    "hangar.dashboard.job.progress": "Progress",
    "hangar.dashboard.job.messages": "Messages",
    "hangar.dashboard.job.errors": "Errors",
    "hangar.dashboard.job.warnings": "Warnings",
    "hangar.dashboard.job.result": "Result",
    "hangar.dashboard.job.files": "Output files",
    "hangar.dashboard.job.parent": "Parent job",
    "hangar.dashboard.job.children": "Child jobs",
    "hangar.dashboard.job.moreChildren": "More child jobs",
    "hangar.dashboard.job.live": "Live",
    "hangar.dashboard.job.ended": "Stream ended",
    "hangar.dashboard.job.cancelRequested": "Cancellation requested",
    "hangar.dashboard.job.back": "Back to the jobs",
    "hangar.dashboard.overview.byState": "Jobs per state",
    "hangar.dashboard.overview.byQueue": "Waiting and running per queue",
    "hangar.dashboard.overview.capped": 'Counted up to {limit} jobs per state; "{limit}+" means more.',
    "hangar.dashboard.overview.estimated": '"\u2248" marks an estimate from the database statistics (many finished jobs); waiting and running jobs are counted exactly.',
    "hangar.dashboard.schedules.heading": "Schedules",
    "hangar.dashboard.schedules.name": "Name",
    "hangar.dashboard.schedules.cron": "Cron",
    "hangar.dashboard.schedules.nextRun": "Next run",
    "hangar.dashboard.schedules.lastRun": "Last run",
    "hangar.dashboard.schedules.status": "Status",
    "hangar.dashboard.schedules.paused": "Paused",
    "hangar.dashboard.schedules.active": "Active",
    "hangar.dashboard.schedules.triggered": "Job {jobId} enqueued",
    "hangar.dashboard.triggers.heading": "Event triggers",
    "hangar.dashboard.triggers.on": "Fires when",
    "hangar.dashboard.triggers.lastFired": "Last fired",
    "hangar.dashboard.state.Scheduled": "Scheduled",
    "hangar.dashboard.state.Awaiting": "Awaiting parent",
    "hangar.dashboard.state.Enqueued": "Enqueued",
    "hangar.dashboard.state.Processing": "Processing",
    "hangar.dashboard.state.Succeeded": "Succeeded",
    "hangar.dashboard.state.Failed": "Failed",
    "hangar.dashboard.state.Cancelled": "Cancelled",
    "hangar.dashboard.nav.workflows": "Workflows",
    "hangar.dashboard.workflows.heading": "Workflows",
    "hangar.dashboard.workflows.hint": "Jobs of type {type}; open one to see the graph of its steps.",
    "hangar.dashboard.workflow.heading": "Workflow {id}",
    "hangar.dashboard.workflow.name": "Name",
    "hangar.dashboard.workflow.job": "Workflow job",
    "hangar.dashboard.workflow.open": "Graph of the steps",
    "hangar.dashboard.workflow.done": "{done} of {total} steps ended",
    "hangar.dashboard.workflow.graph": "Steps and what each runs after",
    "hangar.dashboard.workflow.level": "Level {level}",
    "hangar.dashboard.workflow.step": "Step {step}",
    "hangar.dashboard.workflow.stepJob": "Job {id}",
    "hangar.dashboard.workflow.notSubmitted": "No job yet",
    "hangar.dashboard.workflow.start": "Starts with the workflow",
    "hangar.dashboard.workflow.after": "Runs after {steps}",
    "hangar.dashboard.workflow.on.success": "if they succeed",
    "hangar.dashboard.workflow.on.failure": "if they fail",
    "hangar.dashboard.workflow.on.end": "whatever their end",
    "hangar.dashboard.workflow.on.success.one": "if it succeeds",
    "hangar.dashboard.workflow.on.failure.one": "if it fails",
    "hangar.dashboard.workflow.on.end.one": "whatever its end",
    "hangar.dashboard.workflow.edge.success": "on success",
    "hangar.dashboard.workflow.edge.failure": "on failure",
    "hangar.dashboard.workflow.edge.end": "on end",
    "hangar.dashboard.workflow.when": "Only when {condition}",
    "hangar.dashboard.workflow.op.exists": "is set",
    "hangar.dashboard.workflow.op.missing": "is missing",
    "hangar.dashboard.workflow.cancel": "Cancel workflow",
    "hangar.dashboard.workflow.cancelled": "Workflow cancelled; {steps} step(s) stopped",
    "hangar.dashboard.workflow.retryStep": "Retry step {step}",
    "hangar.dashboard.workflow.retried": "Step {step} runs again",
    "hangar.dashboard.state.Waiting": "Waiting",
    "hangar.dashboard.state.Skipped": "Skipped",
    "hangar.dashboard.error.network": "The server cannot be reached: {message}"
  },
  fr: {
    "hangar.dashboard.title": "Tableau de bord Hangar",
    "hangar.dashboard.language": "Langue",
    "hangar.dashboard.nav.overview": "Vue d'ensemble",
    "hangar.dashboard.nav.jobs": "T\xE2ches",
    "hangar.dashboard.nav.schedules": "Planifications",
    "hangar.dashboard.nav.main": "Navigation principale",
    "hangar.dashboard.login.heading": "Connexion avec un jeton d'API",
    "hangar.dashboard.login.token": "Jeton (bearer)",
    "hangar.dashboard.login.submit": "Se connecter",
    "hangar.dashboard.login.hint": "Le jeton reste dans cet onglet uniquement (stockage de session).",
    "hangar.dashboard.logout": "Se d\xE9connecter",
    "hangar.dashboard.signedInAs": "Connect\xE9 en tant que {userId} ({customerId}, {roles})",
    "hangar.dashboard.loading": "Chargement\u2026",
    "hangar.dashboard.refresh": "Actualiser",
    "hangar.dashboard.none": "Rien \xE0 afficher",
    "hangar.dashboard.filter.state": "\xC9tat",
    "hangar.dashboard.filter.type": "Type de t\xE2che",
    "hangar.dashboard.filter.queue": "File",
    "hangar.dashboard.filter.user": "Utilisateur",
    "hangar.dashboard.filter.customer": "Client (admins)",
    "hangar.dashboard.filter.any": "Tous",
    "hangar.dashboard.filter.apply": "Filtrer",
    "hangar.dashboard.search.id": "Identifiant de t\xE2che",
    "hangar.dashboard.search.open": "Ouvrir",
    "hangar.dashboard.jobs.heading": "T\xE2ches",
    "hangar.dashboard.jobs.next": "Page suivante",
    "hangar.dashboard.jobs.first": "Premi\xE8re page",
    "hangar.dashboard.jobs.select": "S\xE9lectionner la t\xE2che {id}",
    "hangar.dashboard.jobs.selectAll": "S\xE9lectionner toutes les t\xE2ches de cette page",
    "hangar.dashboard.jobs.selected": "{count} s\xE9lectionn\xE9e(s)",
    "hangar.dashboard.jobs.bulkDone": "{action} : {ok} faite(s), {failed} refus\xE9e(s)",
    "hangar.dashboard.column.id": "Identifiant",
    "hangar.dashboard.column.type": "Type",
    "hangar.dashboard.column.queue": "File",
    "hangar.dashboard.column.state": "\xC9tat",
    "hangar.dashboard.column.user": "Utilisateur",
    "hangar.dashboard.column.customer": "Client",
    "hangar.dashboard.column.progress": "Avancement",
    "hangar.dashboard.column.created": "Cr\xE9\xE9e",
    "hangar.dashboard.column.count": "T\xE2ches",
    "hangar.dashboard.column.oldest": "Plus ancienne en attente depuis",
    "hangar.dashboard.action.cancel": "Annuler",
    "hangar.dashboard.action.retry": "Relancer",
    "hangar.dashboard.action.delete": "Supprimer",
    "hangar.dashboard.action.pause": "Suspendre",
    "hangar.dashboard.action.resume": "Reprendre",
    "hangar.dashboard.action.trigger": "Lancer maintenant",
    "hangar.dashboard.action.confirmDelete": "Supprimer {count} t\xE2che(s) termin\xE9e(s) avec leur journal ?",
    "hangar.dashboard.job.heading": "T\xE2che {id}",
    "hangar.dashboard.job.params": "Param\xE8tres",
    "hangar.dashboard.job.times": "Horaires",
    "hangar.dashboard.job.createdAt": "Cr\xE9\xE9e",
    "hangar.dashboard.job.runAt": "Ex\xE9cution pr\xE9vue",
    "hangar.dashboard.job.startedAt": "D\xE9marr\xE9e",
    "hangar.dashboard.job.finishedAt": "Termin\xE9e",
    "hangar.dashboard.job.attempts": "Tentatives",
    "hangar.dashboard.job.attemptsValue": "{attempts} sur {maxAttempts}",
    "hangar.dashboard.job.worker": "Ex\xE9cutant",
    "hangar.dashboard.job.progress": "Avancement",
    "hangar.dashboard.job.messages": "Messages",
    "hangar.dashboard.job.errors": "Erreurs",
    "hangar.dashboard.job.warnings": "Avertissements",
    "hangar.dashboard.job.result": "R\xE9sultat",
    "hangar.dashboard.job.files": "Fichiers produits",
    "hangar.dashboard.job.parent": "T\xE2che parente",
    "hangar.dashboard.job.children": "T\xE2ches enfants",
    "hangar.dashboard.job.moreChildren": "Plus de t\xE2ches enfants",
    "hangar.dashboard.job.live": "En direct",
    "hangar.dashboard.job.ended": "Flux termin\xE9",
    "hangar.dashboard.job.cancelRequested": "Annulation demand\xE9e",
    "hangar.dashboard.job.back": "Retour aux t\xE2ches",
    "hangar.dashboard.overview.byState": "T\xE2ches par \xE9tat",
    "hangar.dashboard.overview.byQueue": "En attente et en cours par file",
    "hangar.dashboard.overview.capped": "Compt\xE9es jusqu'\xE0 {limit} t\xE2ches par \xE9tat ; \xAB {limit}+ \xBB signifie davantage.",
    "hangar.dashboard.overview.estimated": "\xAB \u2248 \xBB marque une estimation tir\xE9e des statistiques de la base (beaucoup de t\xE2ches termin\xE9es) ; les t\xE2ches en attente et en cours sont compt\xE9es exactement.",
    "hangar.dashboard.schedules.heading": "Planifications",
    "hangar.dashboard.schedules.name": "Nom",
    "hangar.dashboard.schedules.cron": "Cron",
    "hangar.dashboard.schedules.nextRun": "Prochaine ex\xE9cution",
    "hangar.dashboard.schedules.lastRun": "Derni\xE8re ex\xE9cution",
    "hangar.dashboard.schedules.status": "Statut",
    "hangar.dashboard.schedules.paused": "Suspendue",
    "hangar.dashboard.schedules.active": "Active",
    "hangar.dashboard.schedules.triggered": "T\xE2che {jobId} mise en file",
    "hangar.dashboard.triggers.heading": "D\xE9clencheurs",
    "hangar.dashboard.triggers.on": "Se d\xE9clenche quand",
    "hangar.dashboard.triggers.lastFired": "Dernier d\xE9clenchement",
    "hangar.dashboard.state.Scheduled": "Planifi\xE9e",
    "hangar.dashboard.state.Awaiting": "Attend sa parente",
    "hangar.dashboard.state.Enqueued": "En file",
    "hangar.dashboard.state.Processing": "En cours",
    "hangar.dashboard.state.Succeeded": "R\xE9ussie",
    "hangar.dashboard.state.Failed": "\xC9chou\xE9e",
    "hangar.dashboard.state.Cancelled": "Annul\xE9e",
    "hangar.dashboard.nav.workflows": "Encha\xEEnements",
    "hangar.dashboard.workflows.heading": "Encha\xEEnements",
    "hangar.dashboard.workflows.hint": "T\xE2ches de type {type} ; ouvrez-en une pour voir le graphe de ses \xE9tapes.",
    "hangar.dashboard.workflow.heading": "Encha\xEEnement {id}",
    "hangar.dashboard.workflow.name": "Nom",
    "hangar.dashboard.workflow.job": "T\xE2che de l'encha\xEEnement",
    "hangar.dashboard.workflow.open": "Graphe des \xE9tapes",
    "hangar.dashboard.workflow.done": "{done} \xE9tape(s) termin\xE9e(s) sur {total}",
    "hangar.dashboard.workflow.graph": "Les \xE9tapes et ce apr\xE8s quoi chacune s'ex\xE9cute",
    "hangar.dashboard.workflow.level": "Niveau {level}",
    "hangar.dashboard.workflow.step": "\xC9tape {step}",
    "hangar.dashboard.workflow.stepJob": "T\xE2che {id}",
    "hangar.dashboard.workflow.notSubmitted": "Pas encore de t\xE2che",
    "hangar.dashboard.workflow.start": "D\xE9marre avec l'encha\xEEnement",
    "hangar.dashboard.workflow.after": "S'ex\xE9cute apr\xE8s {steps}",
    "hangar.dashboard.workflow.on.success": "si elles r\xE9ussissent",
    "hangar.dashboard.workflow.on.failure": "si elles \xE9chouent",
    "hangar.dashboard.workflow.on.end": "quelle que soit leur fin",
    "hangar.dashboard.workflow.on.success.one": "si elle r\xE9ussit",
    "hangar.dashboard.workflow.on.failure.one": "si elle \xE9choue",
    "hangar.dashboard.workflow.on.end.one": "quelle que soit sa fin",
    "hangar.dashboard.workflow.edge.success": "si r\xE9ussite",
    "hangar.dashboard.workflow.edge.failure": "si \xE9chec",
    "hangar.dashboard.workflow.edge.end": "\xE0 la fin",
    "hangar.dashboard.workflow.when": "Seulement si {condition}",
    "hangar.dashboard.workflow.op.exists": "est renseign\xE9",
    "hangar.dashboard.workflow.op.missing": "est absent",
    "hangar.dashboard.workflow.cancel": "Annuler l'encha\xEEnement",
    "hangar.dashboard.workflow.cancelled": "Encha\xEEnement annul\xE9 ; {steps} \xE9tape(s) arr\xEAt\xE9e(s)",
    "hangar.dashboard.workflow.retryStep": "Relancer l'\xE9tape {step}",
    "hangar.dashboard.workflow.retried": "L'\xE9tape {step} s'ex\xE9cute \xE0 nouveau",
    "hangar.dashboard.state.Waiting": "En attente",
    "hangar.dashboard.state.Skipped": "Saut\xE9e",
    "hangar.dashboard.error.network": "Le serveur est injoignable : {message}"
  }
};

// src/dashboard/dashboard-routes.ts
var import_core5 = require("@hangar/core");

// src/http/request-schemas.ts
var import_core3 = require("@hangar/core");
var import_zod = require("zod");

// src/http/http-errors.ts
var import_node_http = require("http");
var import_core2 = require("@hangar/core");
var UnauthorizedError = class extends import_core2.HangarError {
  constructor() {
    super("UNAUTHORIZED", "hangar.error.unauthorized", "Authentication required: send a valid bearer token", {
      retryable: false
    });
  }
};
var ForbiddenError = class extends import_core2.HangarError {
  constructor(key, params) {
    super("FORBIDDEN", key, `Forbidden: ${Object.values(params).join(", ")}`, { params, retryable: false });
  }
};
var RequestInvalidError = class extends import_core2.HangarError {
  /** Every field-level problem found. */
  issues;
  /** HTTP status to answer with (400, or 408/413/414/415/431 for fastify's and Node's own refusals). */
  statusCode;
  constructor(issues, statusCode = 400) {
    const summary = issues.map((i) => `${i.path || "(body)"}: ${i.message}`).join("; ");
    super("REQUEST_INVALID", "hangar.http.requestInvalid", `The request is invalid: ${summary}`, {
      params: { issues: summary },
      retryable: false
    });
    this.issues = issues;
    this.statusCode = statusCode;
  }
};
var FileNotFoundError = class extends import_core2.HangarError {
  constructor(jobId, name) {
    super("FILE_NOT_FOUND", "hangar.http.fileNotFound", `Job ${jobId} has no output file named "${name}"`, {
      params: { jobId, name },
      retryable: false
    });
  }
};
var FilesNotServedError = class extends import_core2.HangarError {
  constructor() {
    super("FILE_NOT_FOUND", "hangar.http.filesNotServed", "This server does not serve output files", {
      retryable: false
    });
  }
};
var RouteNotFoundError = class extends import_core2.HangarError {
  constructor(method, url) {
    super("ROUTE_NOT_FOUND", "hangar.http.routeNotFound", `No route ${method} ${url}`, {
      params: { method, url },
      retryable: false
    });
  }
};
var HTTP_STATUS_BY_CODE = {
  UNAUTHORIZED: 401,
  JOB_STATE_CONFLICT: 409,
  SCHEDULE_NOT_FOUND: 404,
  SCHEDULE_NAME_TAKEN: 409,
  TRIGGER_NOT_FOUND: 404,
  TRIGGER_NAME_TAKEN: 409,
  TRIGGERS_UNSUPPORTED: 501,
  FORBIDDEN: 403,
  PARAMS_INVALID: 400,
  JOB_TYPE_UNKNOWN: 400,
  REQUEST_INVALID: 400,
  CONFIG_INVALID: 400,
  JOB_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500
};
var FRAMEWORK_ISSUES = {
  FST_ERR_CTP_BODY_TOO_LARGE: { path: "", message: "the body is larger than this server accepts" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { path: "", message: "send the body as application/json" },
  FST_ERR_CTP_INVALID_JSON_BODY: { path: "", message: "the body is not valid JSON" },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    path: "",
    message: "the body is empty; send a JSON object or no Content-Type"
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { path: "", message: "the Content-Length does not match the body" },
  FST_ERR_BAD_URL: { path: "path", message: "the path is not a valid URL (bad percent-encoding)" },
  FST_ERR_MAX_PARAM_LENGTH: { path: "path", message: "a path segment is longer than this server accepts" },
  HPE_HEADER_OVERFLOW: {
    path: "headers",
    message: "the headers and URL are larger than this server accepts"
  },
  ERR_HTTP_REQUEST_TIMEOUT: { path: "", message: "the request was not received in time" }
};
var MAX_ECHOED_PATH = 200;
function echoedPath(url) {
  const path = url.split("?")[0] ?? url;
  return path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}\u2026` : path;
}
function toErrorResponse(error, translator, lang2, requestId) {
  if (import_core2.HangarError.isInstance(error)) {
    if (error.code === "CONFIG_INVALID") {
      const option = String(error.params.option ?? "");
      const problem = String(error.params.problem ?? error.message);
      const invalid = new RequestInvalidError([{ path: option, message: problem, code: "invalid_value" }]);
      return toErrorResponse(invalid, translator, lang2, requestId);
    }
    const status = error instanceof RequestInvalidError ? error.statusCode : HTTP_STATUS_BY_CODE[error.code] ?? 500;
    if (status >= 500) return internal(translator, lang2, requestId);
    const body = {
      error: {
        code: error.code,
        message: translator.render(error.toTranslatable(), lang2),
        key: error.key,
        params: { ...error.params },
        requestId
      }
    };
    const issues = error.issues;
    if (Array.isArray(issues)) body.error.issues = issues.map((i) => ({ ...i }));
    return { status, body };
  }
  const fe = typeof error === "object" && error !== null ? error : {};
  const statusCode = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (statusCode === 503) {
    const key = "hangar.http.unavailable";
    return {
      status: 503,
      body: {
        error: {
          code: "SERVICE_UNAVAILABLE",
          message: translator.render({ key }, lang2),
          key,
          params: {},
          requestId
        }
      }
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    const code = typeof fe.code === "string" ? fe.code : "bad_request";
    const known = FRAMEWORK_ISSUES[code];
    const issue = known ?? { path: "", message: (import_node_http.STATUS_CODES[statusCode] ?? "Bad request").toLowerCase() };
    const invalid = new RequestInvalidError([{ ...issue, code }], statusCode);
    return toErrorResponse(invalid, translator, lang2, requestId);
  }
  return internal(translator, lang2, requestId);
}
function internal(translator, lang2, requestId) {
  const key = "hangar.http.internal";
  const params = { requestId };
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL_ERROR",
        message: translator.render({ key, params }, lang2),
        key,
        params,
        requestId
      }
    }
  };
}

// src/http/request-schemas.ts
var MAX_DELAY_MS = 365 * 864e5;
var FROM_TOKEN = "comes from your bearer token and cannot be sent in the body (admins act for another customer with ?customerId=)";
var lang = import_zod.z.string().max(35, { error: 'use a language tag such as "en" or "fr-CA"' }).optional();
var customerId = import_zod.z.string().min(1, { error: "name the customer to act for" }).max(200).optional();
var queueName = import_zod.z.string({ error: "give a queue name" }).regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'use 1-100 letters, digits, ".", "_", ":" or "-"' });
var priority = import_zod.z.number({ error: "give an integer; lower runs first" }).int({ error: "give an integer; lower runs first" }).min(-1e6).max(1e6);
var commonQuerySchema = import_zod.z.strictObject({ lang, customerId });
var enqueueBodySchema = import_zod.z.strictObject({
  type: import_zod.z.string({ error: 'give the job type name as a string, e.g. "math.add" (GET /job-types lists them)' }).min(1, { error: 'give the job type name, e.g. "math.add" (GET /job-types lists them)' }),
  params: import_zod.z.unknown().optional().describe("Parameters of the job type, checked against its schema; defaults to {}"),
  options: import_zod.z.strictObject({
    delayMs: import_zod.z.number({ error: "give a number of milliseconds" }).int({ error: "give a whole number of milliseconds" }).min(0, { error: "must be 0 or more" }).max(MAX_DELAY_MS, { error: `must be at most ${MAX_DELAY_MS} (one year)` }).optional().describe("Run no earlier than this many ms from now"),
    priority: priority.optional().describe("Lower runs first; default 0"),
    queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
    idempotencyKey: import_zod.z.string({ error: "give a string" }).min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" }).optional().describe("Enqueuing twice with the same key (per customer) returns the first job"),
    parents: import_zod.z.array(
      import_zod.z.strictObject({
        id: import_zod.z.string({ error: "give the parent job id as a string" }).min(1, { error: "must not be empty" }),
        on: import_zod.z.enum(["success", "failure", "end"], { error: "give success, failure or end" }).optional().describe("How the parent has to end: success (default), failure (Failed or Cancelled) or end")
      }),
      { error: "give an array of { id, on } objects" }
    ).max(1e3, { error: "must name at most 1000 parents" }).optional().describe(
      "Jobs of the caller's customer this one waits on: it runs once each has ended as its `on` asks, and is cancelled, naming the parent, as soon as one cannot"
    ),
    system: import_zod.z.boolean({ error: "give true or false" }).optional().describe(
      "Admin only: enqueue a system job, without a customer; only such a job may name a customer in its params"
    )
  }).optional()
});
var jobIdParamsSchema = import_zod.z.object({ id: import_zod.z.string().min(1).max(200) });
var scheduleNameParamsSchema = import_zod.z.object({
  name: import_zod.z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, { error: 'use 1-200 letters, digits, ".", "_", ":" or "-"' })
});
var trueOrFalse = import_zod.z.boolean({ error: "give true or false" }).optional();
var keepPaused = trueOrFalse.describe("Create or keep it paused; default false");
var storedJobType = import_zod.z.string({ error: "give the job type name as a string (GET /job-types lists them)" }).min(1, { error: "give the job type name (GET /job-types lists them)" });
var storedJobParams = import_zod.z.unknown().optional().describe("Parameters of each job, checked against the type\u2019s schema; default {}");
var scheduleBodySchema = import_zod.z.strictObject({
  cron: import_zod.z.string({ error: 'give a cron expression such as "0 2 * * *"' }).min(1, { error: 'give a cron expression such as "0 2 * * *"' }).max(200).describe("Cron expression, 5 fields (minutes) or 6 (seconds)"),
  timezone: import_zod.z.string().min(1).max(100).optional().describe("IANA time zone the cron is read in; default UTC"),
  type: storedJobType,
  params: storedJobParams,
  options: import_zod.z.strictObject({
    queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
    priority: priority.optional().describe("Lower runs first; default 0")
  }).optional(),
  paused: keepPaused,
  system: trueOrFalse.describe("Admins only: a schedule of no customer (its jobs have no customer)")
});
var fileParamsSchema = import_zod.z.object({
  id: import_zod.z.string().min(1).max(200),
  name: import_zod.z.string().min(1).max(500)
});
function listParam(item) {
  return import_zod.z.union([import_zod.z.string(), import_zod.z.array(import_zod.z.string())]).transform(
    (v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "")
  ).pipe(import_zod.z.array(item));
}
function listQuerySchema(defaultLimit, maxLimit) {
  return commonQuerySchema.extend({
    state: listParam(
      import_zod.z.enum(import_core3.JOB_STATES, {
        error: `use one of ${import_core3.JOB_STATES.join(", ")}`
      })
    ).optional().describe("Only these states (comma-separated or repeated)"),
    type: listParam(import_zod.z.string().min(1)).optional().describe("Only these job types (comma-separated or repeated)"),
    queue: import_zod.z.string().min(1).max(100).optional().describe("Only this queue"),
    userId: import_zod.z.string().min(1).max(200).optional().describe("Only jobs enqueued by this user"),
    parentId: import_zod.z.string().min(1).max(100).optional().describe("Only the children of this job"),
    limit: import_zod.z.coerce.number({ error: `give a whole number from 1 to ${maxLimit}` }).int({ error: `give a whole number from 1 to ${maxLimit}` }).min(1, { error: `give a whole number from 1 to ${maxLimit}` }).max(maxLimit, { error: `at most ${maxLimit} per page; follow nextCursor for more` }).default(defaultLimit).describe(`Page size, 1 to ${maxLimit}; default ${defaultLimit}`),
    cursor: import_zod.z.string().min(1).max(500).optional().describe("The nextCursor of the previous page")
  });
}
var eventsQuerySchema = commonQuerySchema.extend({
  after: import_zod.z.coerce.number({ error: "give the seq of the last message you saw" }).int().min(0).optional().describe("Skip log entries up to this seq (like the Last-Event-ID header)")
});
function parseRequest(schema, value, where) {
  const parsed = schema.safeParse(value ?? (where === "body" ? void 0 : {}));
  if (parsed.success) return parsed.data;
  const prefix = where === "body" ? "" : `${where}.`;
  const issues = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        const message2 = key === "customerId" || key === "userId" ? `${key} ${FROM_TOKEN}` : `unknown field; remove it or check its spelling`;
        issues.push({ path: `${prefix}${path}`, message: message2, code: issue.code });
      }
      continue;
    }
    const message = where === "body" && base === "" && issue.code === "invalid_type" ? 'send a JSON object such as {"type": "math.add", "params": {}} with Content-Type: application/json' : issue.message;
    issues.push({
      path: base ? `${prefix}${base}` : where === "body" ? "" : where,
      message,
      code: issue.code
    });
  }
  throw new RequestInvalidError(issues);
}

// src/dashboard/dashboard-page.ts
var DASHBOARD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Hangar</title><link rel="stylesheet" href="app.css"></head>
<body><div id="app" aria-live="polite"></div><noscript>The dashboard needs JavaScript.</noscript>
<script src="app.js"></script></body></html>
`;
var DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");

// src/dashboard/overview.ts
var import_core4 = require("@hangar/core");
var OVERVIEW_COUNT_LIMIT = 1e4;
var PAGE = 1e3;
async function buildOverview(client, customerId2, limit = OVERVIEW_COUNT_LIMIT) {
  const queue = client.queue;
  if (!queue.countJobs) return scanOverview(client, customerId2, limit);
  const counted = await queue.countJobs({ customerId: customerId2 });
  const states = Object.fromEntries(import_core4.JOB_STATES.map((s) => [s, 0]));
  const estimated = /* @__PURE__ */ new Set();
  const queues = /* @__PURE__ */ new Map();
  const queueOf = (name) => {
    let entry = queues.get(name);
    if (!entry) {
      entry = { queue: name, states: {}, oldestWaitingAt: null, oldestWaitingId: null, estimated: [] };
      queues.set(name, entry);
    }
    return entry;
  };
  for (const c of counted.counts) {
    states[c.state] += c.count;
    const entry = queueOf(c.queue);
    entry.states[c.state] = (entry.states[c.state] ?? 0) + c.count;
    if (c.estimated) {
      estimated.add(c.state);
      if (!entry.estimated.includes(c.state)) entry.estimated.push(c.state);
    }
  }
  for (const oldest of counted.oldestWaiting) {
    const entry = queueOf(oldest.queue);
    entry.oldestWaitingAt = oldest.createdAt.toISOString();
    entry.oldestWaitingId = oldest.jobId;
  }
  const sorted = [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  const estimatedStates = import_core4.JOB_STATES.filter((s) => estimated.has(s));
  return { states, estimated: estimatedStates, capped: [], limit, method: "counts", queues: sorted };
}
async function scanOverview(client, customerId2, limit = OVERVIEW_COUNT_LIMIT) {
  const states = Object.fromEntries(import_core4.JOB_STATES.map((s) => [s, 0]));
  const capped = [];
  const queues = /* @__PURE__ */ new Map();
  for (const state of import_core4.JOB_STATES) {
    let cursor;
    scan: do {
      const page = await client.list({ customerId: customerId2, states: [state], limit: PAGE, cursor });
      cursor = page.nextCursor;
      for (const job of page.items) {
        if (states[state] >= limit) {
          capped.push(state);
          break scan;
        }
        states[state] += 1;
        let queue = queues.get(job.queue);
        if (!queue) {
          queue = {
            queue: job.queue,
            states: {},
            oldestWaitingAt: null,
            oldestWaitingId: null,
            estimated: []
          };
          queues.set(job.queue, queue);
        }
        queue.states[state] = (queue.states[state] ?? 0) + 1;
        const created = job.createdAt.toISOString();
        if (state === "Enqueued" && (queue.oldestWaitingAt === null || created <= queue.oldestWaitingAt)) {
          queue.oldestWaitingAt = created;
          queue.oldestWaitingId = job.id;
        }
      }
    } while (cursor !== void 0);
  }
  const sorted = [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  return { states, estimated: [], capped, limit, method: "scan", queues: sorted };
}

// src/dashboard/dashboard-routes.ts
function sendFile(reply, type, body) {
  return reply.header("content-type", type).header("content-security-policy", DASHBOARD_CSP).header("x-content-type-options", "nosniff").header("cache-control", "no-cache").send(body);
}
function registerDashboard(app, api, assets = loadDashboardAssets()) {
  api.translator.register(dashboardMessages);
  app.get(
    "/dashboard",
    { exposeHeadRoute: false },
    async (_request, reply) => reply.redirect(`${api.prefix}/dashboard/`, 302)
  );
  app.get(
    "/dashboard/",
    { exposeHeadRoute: false },
    async (_request, reply) => sendFile(reply, "text/html; charset=utf-8", DASHBOARD_PAGE)
  );
  app.get(
    "/dashboard/app.js",
    { exposeHeadRoute: false },
    async (_request, reply) => sendFile(reply, "text/javascript; charset=utf-8", assets.script)
  );
  app.get(
    "/dashboard/app.css",
    { exposeHeadRoute: false },
    async (_request, reply) => sendFile(reply, "text/css; charset=utf-8", assets.style)
  );
  app.get("/dashboard/api/me", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const identity = {
      userId: scope.caller.userId,
      customerId: scope.customerId,
      roles: scope.caller.roles
    };
    return identity;
  });
  app.get("/dashboard/api/overview", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    return buildOverview(api.options.client, scope.customerId);
  });
  app.get("/dashboard/api/jobs/:id/params", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await api.options.client.get(id, { customerId: scope.customerId });
    if (!job) throw new import_core5.JobNotFoundError(id);
    return { id, params: job.params };
  });
}
function dashboardEnabled(value) {
  if (value === void 0 || typeof value === "boolean") return value === true;
  throw new import_core5.ConfigurationError("dashboard", "pass true to serve the dashboard under /dashboard, or false");
}

// src/metrics/metrics-options.ts
var import_core6 = require("@hangar/core");
var METRICS_DEFAULTS = {
  customerLabel: false,
  prefix: "hangar_",
  durationBuckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800]
};
function resolveMetricsOptions(options) {
  if (options === void 0 || options === false) return void 0;
  const given = options === true ? {} : options;
  if (typeof given !== "object" || given === null) {
    throw new import_core6.ConfigurationError("metrics", "pass true, or { customerLabel, prefix, durationBuckets }");
  }
  const resolved = {
    customerLabel: given.customerLabel ?? METRICS_DEFAULTS.customerLabel,
    prefix: given.prefix ?? METRICS_DEFAULTS.prefix,
    durationBuckets: given.durationBuckets ?? METRICS_DEFAULTS.durationBuckets
  };
  if (typeof resolved.customerLabel !== "boolean") {
    throw new import_core6.ConfigurationError("metrics.customerLabel", "must be true or false");
  }
  if (typeof resolved.prefix !== "string" || !/^[a-zA-Z_:][a-zA-Z0-9_:]*$|^$/.test(resolved.prefix)) {
    throw new import_core6.ConfigurationError(
      "metrics.prefix",
      'use letters, digits, "_" and ":", not starting with a digit'
    );
  }
  const buckets = resolved.durationBuckets;
  if (!Array.isArray(buckets) || buckets.length === 0 || buckets.some((b, i) => !(b > 0) || i > 0 && b <= (buckets[i - 1] ?? 0))) {
    throw new import_core6.ConfigurationError("metrics.durationBuckets", "give increasing positive numbers of seconds");
  }
  return resolved;
}

// src/http/auth.ts
var import_node_crypto = require("crypto");
var import_core7 = require("@hangar/core");
var API_ROLES = ["admin", "operator", "viewer"];
var MIN_TOKEN_LENGTH = 16;
var ROLE_FOR = {
  read: ["viewer", "operator", "admin"],
  write: ["operator", "admin"],
  admin: ["admin"]
};
var digest = (value) => (0, import_node_crypto.createHash)("sha256").update(value, "utf8").digest();
function validateAuthOptions(auth) {
  if (!auth || typeof auth !== "object") {
    throw new import_core7.ConfigurationError(
      "auth",
      "pass `{ tokens: [{ token, customerId, userId, roles }] }` or `{ verify }`"
    );
  }
  const tokens = auth.tokens ?? [];
  if (!Array.isArray(tokens)) throw new import_core7.ConfigurationError("auth.tokens", "must be an array of tokens");
  if (tokens.length === 0 && typeof auth.verify !== "function") {
    throw new import_core7.ConfigurationError("auth", "configure at least one token in `tokens`, or a `verify` function");
  }
  const seen = /* @__PURE__ */ new Set();
  tokens.forEach((entry, i) => {
    const at = `auth.tokens[${i}]`;
    if (typeof entry?.token !== "string" || entry.token.length < MIN_TOKEN_LENGTH) {
      throw new import_core7.ConfigurationError(
        `${at}.token`,
        `must be a secret of at least ${MIN_TOKEN_LENGTH} characters`
      );
    }
    if (seen.has(entry.token))
      throw new import_core7.ConfigurationError(`${at}.token`, "the same token is configured twice");
    seen.add(entry.token);
    for (const field of ["customerId", "userId"]) {
      if (typeof entry[field] !== "string" || entry[field].trim() === "") {
        throw new import_core7.ConfigurationError(`${at}.${field}`, "must be a non-empty string");
      }
    }
    if (!Array.isArray(entry.roles) || entry.roles.length === 0) {
      throw new import_core7.ConfigurationError(`${at}.roles`, `give at least one of ${API_ROLES.join(", ")}`);
    }
    for (const role of entry.roles) {
      if (!API_ROLES.includes(role)) {
        throw new import_core7.ConfigurationError(
          `${at}.roles`,
          `"${String(role)}" is not a role; use ${API_ROLES.join(", ")}`
        );
      }
    }
  });
}
var Authenticator = class {
  entries;
  verify;
  constructor(auth) {
    validateAuthOptions(auth);
    this.entries = (auth.tokens ?? []).map((t) => ({
      hash: digest(t.token),
      caller: { customerId: t.customerId, userId: t.userId, roles: [...t.roles] }
    }));
    this.verify = auth.verify;
  }
  /** The caller of a request; throws `UnauthorizedError` without a valid bearer token. */
  async authenticate(header) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
    const token = match?.[1];
    if (!token) throw new UnauthorizedError();
    const presented = digest(token);
    let found;
    for (const entry of this.entries) {
      if ((0, import_node_crypto.timingSafeEqual)(entry.hash, presented) && !found) found = entry.caller;
    }
    if (!found && this.verify) found = await this.verify(token);
    if (!found) throw new UnauthorizedError();
    return found;
  }
};
function requirePermission(caller, permission) {
  if (caller.roles.some((role2) => ROLE_FOR[permission].includes(role2))) return;
  const role = permission === "write" ? "operator" : permission === "admin" ? "admin" : "viewer";
  throw new ForbiddenError("hangar.http.roleRequired", { role, roles: caller.roles.join(", ") || "(none)" });
}
function requireAdmin(caller, key) {
  if (!caller.roles.includes("admin"))
    throw new ForbiddenError(key, { roles: caller.roles.join(", ") || "(none)" });
}
function actingCustomer(caller, requested) {
  if (requested === void 0 || requested === caller.customerId) return caller.customerId;
  if (!caller.roles.includes("admin")) {
    throw new ForbiddenError("hangar.http.customerForbidden", { customerId: requested });
  }
  return requested;
}

// src/http/http-messages.ts
var httpMessages = {
  en: {
    "hangar.http.requestInvalid": "The request is invalid: {issues}",
    "hangar.http.routeNotFound": "No route {method} {url}; see /openapi.json for the routes",
    "hangar.http.fileNotFound": 'Job {jobId} has no output file named "{name}"',
    "hangar.http.filesNotServed": "This server does not serve output files (no filesRoot is configured)",
    "hangar.http.customerForbidden": "Only an admin token may act on another customer (customerId={customerId})",
    "hangar.http.roleRequired": "This action needs the {role} role; your token has: {roles}",
    "hangar.http.systemJobForbidden": "Only an admin token may enqueue a system job (one without a customer); your token has: {roles}",
    "hangar.http.internal": "Internal server error (request {requestId}); the server log has the details under this request id",
    "hangar.http.unavailable": "The server is shutting down; retry shortly",
    "hangar.http.scheduleNameTaken": 'The schedule name "{name}" is already taken; choose another name',
    "hangar.http.triggerNameTaken": 'The trigger name "{name}" is already taken; choose another name',
    "hangar.http.queueNotServed": 'No running runner serves queue "{queue}" for job type "{type}"; the job is stored and waits until one starts'
  },
  fr: {
    "hangar.http.requestInvalid": "La requ\xEAte est invalide : {issues}",
    "hangar.http.routeNotFound": "Aucune route {method} {url} ; voir /openapi.json pour la liste des routes",
    "hangar.http.fileNotFound": "La t\xE2che {jobId} n'a pas de fichier de sortie nomm\xE9 \xAB {name} \xBB",
    "hangar.http.filesNotServed": "Ce serveur ne sert pas de fichiers de sortie (aucun filesRoot n'est configur\xE9)",
    "hangar.http.customerForbidden": "Seul un jeton admin peut agir pour un autre client (customerId={customerId})",
    "hangar.http.roleRequired": "Cette action n\xE9cessite le r\xF4le {role} ; votre jeton a : {roles}",
    "hangar.http.systemJobForbidden": "Seul un jeton admin peut mettre en file une t\xE2che syst\xE8me (sans client) ; votre jeton a : {roles}",
    "hangar.http.internal": "Erreur interne du serveur (requ\xEAte {requestId}) ; le journal du serveur en donne le d\xE9tail sous ce num\xE9ro de requ\xEAte",
    "hangar.http.unavailable": "Le serveur est en cours d'arr\xEAt ; r\xE9essayez dans un instant",
    "hangar.http.scheduleNameTaken": "Le nom de planification \xAB {name} \xBB est d\xE9j\xE0 pris ; choisissez-en un autre",
    "hangar.http.triggerNameTaken": "Le nom de d\xE9clencheur \xAB {name} \xBB est d\xE9j\xE0 pris ; choisissez-en un autre",
    "hangar.http.queueNotServed": "Aucun runner actif ne sert la file \xAB {queue} \xBB pour le type de t\xE2che \xAB {type} \xBB ; la t\xE2che est enregistr\xE9e et attend qu'il en d\xE9marre un"
  }
};

// src/http/http-options.ts
var import_node_path2 = require("path");
var import_core8 = require("@hangar/core");
var HTTP_DEFAULTS = {
  defaultPageSize: 50,
  maxPageSize: 200,
  sseHeartbeatMs: 15e3,
  ssePollMs: 2e3,
  title: "Hangar API",
  version: "0.1.0",
  readinessChecks: {},
  readinessTimeoutMs: 2e3
};
function intAtLeast(name, value, min, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new import_core8.ConfigurationError(name, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
}
function resolveHttpOptions(options) {
  if (!options || typeof options !== "object") {
    throw new import_core8.ConfigurationError(
      "options",
      "pass `{ client, auth }`, e.g. `{ client: runner.client, auth: { tokens } }`"
    );
  }
  const client = options.client;
  if (!client || typeof client.enqueue !== "function" || typeof client.get !== "function") {
    throw new import_core8.ConfigurationError(
      "client",
      "pass a HangarClient, e.g. `runner.client` or `createClient({ queue })`"
    );
  }
  validateAuthOptions(options.auth);
  const resolved = {
    client,
    auth: options.auth,
    filesRoot: void 0,
    logger: options.logger,
    metrics: resolveMetricsOptions(options.metrics),
    defaultPageSize: options.defaultPageSize ?? HTTP_DEFAULTS.defaultPageSize,
    maxPageSize: options.maxPageSize ?? HTTP_DEFAULTS.maxPageSize,
    sseHeartbeatMs: options.sseHeartbeatMs ?? HTTP_DEFAULTS.sseHeartbeatMs,
    ssePollMs: options.ssePollMs ?? HTTP_DEFAULTS.ssePollMs,
    title: options.title ?? HTTP_DEFAULTS.title,
    version: options.version ?? HTTP_DEFAULTS.version,
    readinessChecks: options.readinessChecks ?? HTTP_DEFAULTS.readinessChecks,
    readinessTimeoutMs: options.readinessTimeoutMs ?? HTTP_DEFAULTS.readinessTimeoutMs
  };
  intAtLeast("readinessTimeoutMs", resolved.readinessTimeoutMs, 1);
  if (typeof resolved.readinessChecks !== "object" || resolved.readinessChecks === null) {
    throw new import_core8.ConfigurationError("readinessChecks", "pass an object of named check functions");
  }
  for (const [name, check] of Object.entries(resolved.readinessChecks)) {
    if (typeof check !== "function") {
      throw new import_core8.ConfigurationError(`readinessChecks.${name}`, "must be a function returning a promise");
    }
    if (name === "queue") {
      throw new import_core8.ConfigurationError(
        "readinessChecks.queue",
        "the queue is always checked; give this check another name"
      );
    }
  }
  if (options.logger !== void 0 && (typeof options.logger !== "object" || typeof options.logger?.error !== "function")) {
    throw new import_core8.ConfigurationError(
      "logger",
      "pass a logger with error/warn/info/debug/child, e.g. a pino logger"
    );
  }
  intAtLeast("maxPageSize", resolved.maxPageSize, 1, 1e4);
  intAtLeast("defaultPageSize", resolved.defaultPageSize, 1, resolved.maxPageSize);
  intAtLeast("sseHeartbeatMs", resolved.sseHeartbeatMs, 1e3);
  intAtLeast("ssePollMs", resolved.ssePollMs, 50);
  if (options.filesRoot !== void 0) {
    if (typeof options.filesRoot !== "string" || options.filesRoot.trim() === "") {
      throw new import_core8.ConfigurationError(
        "filesRoot",
        'give the directory output files are stored under, e.g. "/var/lib/hangar/files"'
      );
    }
    resolved.filesRoot = (0, import_node_path2.isAbsolute)(options.filesRoot) ? options.filesRoot : (0, import_node_path2.resolve)(options.filesRoot);
  }
  return resolved;
}

// src/http/http-server.ts
var import_node_crypto4 = require("crypto");

// src/drivers/optional-driver.ts
var import_node_module = require("module");
var import_core9 = require("@hangar/core");
var requireFromRunner = (0, import_node_module.createRequire)(importMetaUrl);
var loaded = /* @__PURE__ */ new Map();
function requireDriver(driver, feature) {
  if (loaded.has(driver)) return loaded.get(driver);
  try {
    const module2 = requireFromRunner(driver);
    loaded.set(driver, module2);
    return module2;
  } catch (cause) {
    const missing = cause?.code === "MODULE_NOT_FOUND" && String(cause.message).includes(`'${driver}'`);
    throw missing ? new import_core9.DriverNotInstalledError(driver, feature, cause) : cause;
  }
}

// src/http/error-replies.ts
var import_node_crypto2 = require("crypto");
var import_node_http2 = require("http");

// src/http/language.ts
var import_core10 = require("@hangar/core");
function negotiateLanguage(available, queryLang, acceptLanguage) {
  const known = new Set(available.map((l) => l.toLowerCase()));
  const pick = (tag) => {
    const lower = tag.trim().toLowerCase().replace("_", "-");
    if (!lower || lower === "*") return void 0;
    if (known.has(lower)) return lower;
    const base = lower.split("-")[0] ?? lower;
    return known.has(base) ? base : void 0;
  };
  if (queryLang) {
    const chosen = pick(queryLang);
    if (chosen) return chosen;
  }
  for (const tag of parseAcceptLanguage(acceptLanguage ?? "")) {
    const chosen = pick(tag);
    if (chosen) return chosen;
  }
  return import_core10.FALLBACK_LANGUAGE;
}
function parseAcceptLanguage(header) {
  return header.split(",").map((part, index) => {
    const [tag = "", ...attrs] = part.trim().split(";");
    const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/i.exec(a)?.[1]).find((v) => v !== void 0);
    const weight = q === void 0 ? 1 : Number(q);
    return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
  }).filter((e) => e.tag !== "" && e.weight > 0).sort((a, b) => b.weight - a.weight || a.index - b.index).map((e) => e.tag);
}

// src/http/error-replies.ts
var REQUEST_ID_HEADER = "x-request-id";
function requestLanguage(translator, request) {
  const query = request.query;
  const lang2 = typeof query?.lang === "string" ? query.lang : void 0;
  return negotiateLanguage(translator.languages(), lang2, request.headers["accept-language"]);
}
function requestLogger(logger, request) {
  return logger ?? request.log;
}
function sendError(error, request, reply, translator, logger) {
  const lang2 = requestLanguage(translator, request);
  const { status, body } = toErrorResponse(error, translator, lang2, request.id);
  if (status >= 500) {
    requestLogger(logger, request).error(
      { err: error, requestId: request.id, method: request.method, url: echoedPath(request.url) },
      "Hangar API request failed"
    );
  }
  if (status === 401) reply.header("www-authenticate", "Bearer");
  return reply.code(status).header(REQUEST_ID_HEADER, request.id).header("content-language", lang2).send(body);
}
function installErrorReplies(app, translator, logger) {
  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.setErrorHandler(
    (error, request, reply) => sendError(error, request, reply, translator, logger)
  );
}
function routeNotFoundReply(translator, logger) {
  return (request, reply) => sendError(
    new RouteNotFoundError(request.method, echoedPath(request.url)),
    request,
    reply,
    translator,
    logger
  );
}
function frameworkErrorReply(translator, logger) {
  return (error, request, reply) => {
    void sendError(error, request, reply, translator, logger);
  };
}
function clientErrorReply(translator) {
  return (error, socket) => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    const statusCode = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const requestId = (0, import_node_crypto2.randomUUID)();
    const { status, body } = toErrorResponse(
      { code: error.code ?? "bad_request", statusCode },
      translator,
      "en",
      requestId
    );
    const text = JSON.stringify(body);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${import_node_http2.STATUS_CODES[status] ?? "Bad Request"}\r
Content-Type: application/json; charset=utf-8\r
Content-Length: ${Buffer.byteLength(text)}\r
${REQUEST_ID_HEADER}: ${requestId}\r
Connection: close\r
\r
${text}`
      );
    }
    socket.destroy(error);
  };
}

// src/http/queue-coverage.ts
var RUNNERS_FRESH_MS = 1e3;
var QueueCoverage = class {
  constructor(queue) {
    this.queue = queue;
  }
  queue;
  cached;
  /** Whether some live runner serves `queue` and runs `type`. */
  async serves(queue, type) {
    const runners = await this.runners();
    return runners.some((r) => Object.hasOwn(r.queues, queue) && r.types.includes(type));
  }
  /** Queues holding Enqueued jobs that no live runner serves. */
  async unserved() {
    const [runners, depths] = await Promise.all([this.runners(), this.queue.queueDepths()]);
    return depths.filter((d) => !runners.some((r) => Object.hasOwn(r.queues, d.queue)));
  }
  runners() {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= RUNNERS_FRESH_MS) {
      const runners = this.queue.listRunners();
      runners.catch(() => {
        if (this.cached?.runners === runners) this.cached = void 0;
      });
      this.cached = { at: now, runners };
    }
    return this.cached.runners;
  }
};

// src/http/api-context.ts
var ApiContext = class {
  constructor(options, translator, authenticator, prefix) {
    this.options = options;
    this.translator = translator;
    this.authenticator = authenticator;
    this.prefix = prefix;
    this.coverage = new QueueCoverage(options.client.queue);
  }
  options;
  translator;
  authenticator;
  prefix;
  /** Which queues the live runners serve. */
  coverage;
  /** The caller's language. */
  languageOf(request) {
    return requestLanguage(this.translator, request);
  }
  /** Where this request's failures are logged: the `logger` option, else fastify's request logger. */
  logOf(request) {
    return requestLogger(this.options.logger, request);
  }
  /**
   * Authenticates the request, then parses its query, then checks the permission and the
   * `?customerId=` the caller may use. Every handler starts here, so none can skip the tenant
   * check, and an anonymous caller learns nothing about the query rules.
   */
  async scope(request, permission, querySchema) {
    const caller = await this.authenticator.authenticate(request.headers.authorization);
    const query = parseRequest(querySchema, request.query, "query");
    requirePermission(caller, permission);
    const customerId2 = actingCustomer(caller, query.customerId);
    const render = { translator: this.translator, lang: this.languageOf(request), prefix: this.prefix };
    return { scope: { caller, customerId: customerId2, render }, query };
  }
};

// src/http/render-job.ts
function renderMessage(message, ctx) {
  return {
    text: ctx.translator.render(message, ctx.lang),
    key: message.key,
    params: { ...message.params ?? {} }
  };
}
function percent(current, total) {
  if (current === void 0 || total === void 0 || total <= 0) return void 0;
  return Math.max(0, Math.min(100, Math.round(current / total * 1e3) / 10));
}
function renderLogEntry(entry, ctx) {
  const view = {
    ...renderMessage(entry.message, ctx),
    seq: entry.seq,
    at: iso(entry.at),
    level: entry.level
  };
  if (entry.current !== void 0) view.current = entry.current;
  if (entry.total !== void 0) view.total = entry.total;
  const pct = percent(entry.current, entry.total);
  if (pct !== void 0) view.percent = pct;
  return view;
}
function renderErrors(info, ctx) {
  return info.map((entry) => {
    const view = {
      ...renderMessage({ key: entry.key, params: entry.params }, ctx),
      code: entry.code,
      severity: entry.severity
    };
    if (entry.source !== void 0) view.source = entry.source;
    return view;
  });
}
function uniqueMessages(messages, ctx) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const m of messages) {
    const id = JSON.stringify([m.key, m.params ?? {}]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(renderMessage(m, ctx));
  }
  return out;
}
function renderJob(job, ctx, log) {
  const result = job.result;
  const warnings = [
    ...(log ?? []).filter((e) => e.level === "warning").map((e) => e.message),
    ...result?.warnings ?? []
  ];
  const errors = [...job.errorInfo ?? [], ...result?.errorInfo ?? []];
  const seenErrors = /* @__PURE__ */ new Set();
  const uniqueErrors = errors.filter((e) => {
    const id = JSON.stringify([e.code, e.key, e.params, e.source]);
    if (seenErrors.has(id)) return false;
    seenErrors.add(id);
    return true;
  });
  const filesBase = `${ctx.prefix}/jobs/${encodeURIComponent(job.id)}/files/`;
  const outputFiles = (result?.outputFiles ?? []).map((f) => ({
    name: f.name,
    size: f.size,
    mediaType: f.mediaType,
    url: filesBase + encodeURIComponent(f.name)
  }));
  let progress = null;
  if (job.progress) {
    progress = renderMessage(job.progress.message, ctx);
    if (job.progress.current !== void 0) progress.current = job.progress.current;
    if (job.progress.total !== void 0) progress.total = job.progress.total;
    const pct = percent(job.progress.current, job.progress.total);
    if (pct !== void 0) progress.percent = pct;
  }
  const view = {
    id: job.id,
    type: job.type,
    queue: job.queue,
    state: job.state,
    priority: job.priority,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    customerId: job.customerId ?? null,
    userId: job.userId ?? null,
    parentId: job.parentId ?? null,
    parents: job.parents.map((p) => ({ id: p.id, on: p.on })),
    cancelRequested: job.cancelRequested,
    progress,
    warnings: uniqueMessages(warnings, ctx),
    errors: renderErrors(uniqueErrors, ctx),
    success: result ? result.success : null,
    result: result?.result ?? null,
    outputFiles,
    worker: job.worker ? { id: job.worker.id, host: job.worker.host, pid: job.worker.pid } : null,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    runAt: iso(job.runAt),
    startedAt: job.startedAt ? iso(job.startedAt) : null,
    finishedAt: job.finishedAt ? iso(job.finishedAt) : null
  };
  if (log) view.messages = log.map((e) => renderLogEntry(e, ctx));
  return view;
}
function renderJobType(info, descriptionKey, ctx) {
  return {
    type: info.type,
    description: descriptionKey ? renderMessage(descriptionKey, ctx) : null,
    defaultQueue: info.defaultQueue,
    timeoutMs: info.timeoutMs ?? null,
    maxAttempts: info.retry.maxAttempts,
    paramsSchema: isObject(info.paramsSchema) ? info.paramsSchema : {}
  };
}
function renderSchedule(s) {
  return {
    name: s.name,
    cron: s.cron,
    timezone: s.timezone,
    type: s.type,
    queue: s.options.queue ?? null,
    paused: s.paused,
    nextRunAt: s.nextRunAt ? iso(s.nextRunAt) : null,
    lastRunAt: s.lastRunAt ? iso(s.lastRunAt) : null
  };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function iso(value) {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

// src/http/catalog-routes.ts
function registerCatalogRoutes(app, api) {
  const { client } = api.options;
  app.get("/job-types", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const items = client.registry.describe().map((info) => renderJobType(info, client.registry.get(info.type).description, scope.render));
    return { items };
  });
}

// src/http/docs-page.ts
var import_node_crypto3 = require("crypto");
var STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1d232a; }
h1 { margin-bottom: 0.2rem; } .muted { color: #5b6670; }
details { border: 1px solid #d5dbe1; border-radius: 6px; margin: 0.5rem 0; padding: 0.4rem 0.8rem; }
summary { cursor: pointer; } .method { display: inline-block; min-width: 4.2rem; font-weight: 700; font-family: monospace; }
.get { color: #0b6bcb; } .post { color: #1a7f37; } .put { color: #9a6700; } .delete { color: #cf222e; }
code, pre { font-family: ui-monospace, monospace; font-size: 13px; } pre { background: #f4f6f8; padding: 0.6rem; overflow: auto; }
table { border-collapse: collapse; } td, th { text-align: left; padding: 0.15rem 0.8rem 0.15rem 0; vertical-align: top; }
`;
var SCRIPT = `
(async () => {
  const root = document.getElementById('api');
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const pre = (value) => el('pre', JSON.stringify(value, null, 2));
  let doc;
  try {
    const res = await fetch('openapi.json');
    if (!res.ok) throw new Error('HTTP ' + res.status);
    doc = await res.json();
  } catch (error) {
    root.append(el('p', 'Could not read openapi.json: ' + error.message));
    return;
  }
  document.title = doc.info.title;
  root.append(el('h1', doc.info.title), el('p', 'Version ' + doc.info.version + ' \xB7 ' + doc.info.description, 'muted'));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el('details');
      const summary = el('summary');
      summary.append(el('span', method.toUpperCase(), 'method ' + method), el('code', path), document.createTextNode(' \u2014 ' + (op.summary || '')));
      box.append(summary, el('p', op.description || '', 'muted'));
      if (op.parameters && op.parameters.length) {
        const table = el('table');
        const head = el('tr'); head.append(el('th', 'Parameter'), el('th', 'In'), el('th', 'Type'), el('th', 'Description')); table.append(head);
        for (const p of op.parameters) {
          const row = el('tr');
          row.append(el('td', p.name + (p.required ? ' *' : '')), el('td', p.in), el('td', (p.schema && (p.schema.type || (p.schema.enum && 'enum'))) || ''), el('td', p.description || ''));
          table.append(row);
        }
        box.append(table);
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (body) box.append(el('h4', 'Body'), pre(body.schema));
      box.append(el('h4', 'Responses'));
      const list = el('ul');
      for (const [status, r] of Object.entries(op.responses || {})) list.append(el('li', status + ': ' + (r.description || '')));
      box.append(list);
      root.append(box);
    }
  }
  root.append(el('h2', 'Schemas'));
  for (const [name, schema] of Object.entries((doc.components && doc.components.schemas) || {})) {
    const box = el('details');
    box.append(el('summary', name), pre(schema));
    root.append(box);
  }
})();
`;
var hash = (text) => `'sha256-${(0, import_node_crypto3.createHash)("sha256").update(text).digest("base64")}'`;
var PAGE2 = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title><style>${STYLE}</style></head>
<body><main id="api"></main><script>${SCRIPT}</script></body></html>
`;
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join("; ");
function registerDocsPage(app) {
  app.get(
    "/docs",
    { exposeHeadRoute: false },
    async (_request, reply) => reply.header("content-type", "text/html; charset=utf-8").header("content-security-policy", CONTENT_SECURITY_POLICY).header("x-content-type-options", "nosniff").send(PAGE2)
  );
}

// src/http/file-route.ts
var import_node_fs2 = require("fs");
var import_promises = require("fs/promises");
var import_node_path3 = require("path");
var import_node_url2 = require("url");
var import_core11 = require("@hangar/core");
var SAFE_MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+)*$/;
async function resolveInsideRoot(root, location) {
  let path;
  try {
    path = location.startsWith("file:") ? (0, import_node_url2.fileURLToPath)(location) : (0, import_node_path3.resolve)(root, location);
  } catch {
    return void 0;
  }
  try {
    const [realRoot, realFile] = await Promise.all([(0, import_promises.realpath)(root), (0, import_promises.realpath)(path)]);
    const rel = (0, import_node_path3.relative)(realRoot, realFile);
    if (rel === "" || rel === ".." || rel.startsWith(`..${import_node_path3.sep}`) || (0, import_node_path3.isAbsolute)(rel)) return void 0;
    return realFile;
  } catch {
    return void 0;
  }
}
function contentDisposition(name) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
function registerFileRoute(app, api) {
  const { client, filesRoot } = api.options;
  app.get("/jobs/:id/files/:name", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id, name } = parseRequest(fileParamsSchema, request.params, "path");
    const job = await client.get(id, { customerId: scope.customerId });
    if (!job) throw new import_core11.JobNotFoundError(id);
    const file = job.result?.outputFiles?.find((f) => f.name === name);
    if (!file) throw new FileNotFoundError(id, name);
    if (!filesRoot) throw new FilesNotServedError();
    const area = (0, import_core11.tenantFileArea)(job.customerId);
    const path = await resolveInsideRoot(filesRoot, file.location);
    const inArea = path && area ? await resolveInsideRoot((0, import_node_path3.join)(filesRoot, area), path) : void 0;
    if (!inArea) {
      api.logOf(request).warn(
        { jobId: id, name, location: file.location, area },
        "Refused an output file outside the job's tenant area of filesRoot"
      );
      throw new FileNotFoundError(id, name);
    }
    const stats = await (0, import_promises.stat)(inArea);
    if (!stats.isFile()) throw new FileNotFoundError(id, name);
    return reply.header(
      "content-type",
      SAFE_MEDIA_TYPE.test(file.mediaType) ? file.mediaType : "application/octet-stream"
    ).header("content-length", String(stats.size)).header("content-disposition", contentDisposition(file.name)).header("x-content-type-options", "nosniff").header("connection", "close").send((0, import_node_fs2.createReadStream)(inArea));
  });
}

// src/http/health-routes.ts
async function runCheck(check, timeoutMs) {
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((resolve3) => {
    timer = setTimeout(() => resolve3("timeout"), timeoutMs);
  });
  try {
    const result = await Promise.race([check(controller.signal).then((value) => ({ value })), timeout]);
    if (result === "timeout") {
      controller.abort();
      return { outcome: "timeout" };
    }
    return { outcome: "ok", value: result.value };
  } catch (error) {
    return { outcome: "failed", error };
  } finally {
    clearTimeout(timer);
  }
}
function registerHealthRoutes(app, api) {
  const { client, readinessChecks, readinessTimeoutMs } = api.options;
  const checks = [
    ["queue", () => client.queue.list({ limit: 1 })],
    ...Object.entries(readinessChecks)
  ];
  async function unserved(request) {
    const outcome = await runCheck(() => api.coverage.unserved(), readinessTimeoutMs);
    if (outcome.outcome !== "ok") {
      api.logOf(request).warn({ outcome: outcome.outcome, err: outcome.error }, "Could not tell unserved queues");
    }
    return (outcome.value ?? []).map((d) => ({ ...d, oldestRunAt: d.oldestRunAt.toISOString() }));
  }
  app.get("/health", { exposeHeadRoute: false }, async () => ({ status: "ok" }));
  app.get("/ready", { exposeHeadRoute: false }, async (request, reply) => {
    const results = await Promise.all(
      checks.map(async ([name, check]) => ({ name, ...await runCheck(check, readinessTimeoutMs) }))
    );
    for (const r of results) {
      if (r.outcome !== "ok") {
        api.logOf(request).warn({ check: r.name, outcome: r.outcome, err: r.error }, "Readiness check failed");
      }
    }
    const ready = results.every((r) => r.outcome === "ok");
    const unservedQueues = ready ? await unserved(request) : [];
    const view = {
      status: ready ? "ready" : "unavailable",
      unservedQueues,
      checks: results.map((r) => ({ name: r.name, ok: r.outcome === "ok", outcome: r.outcome }))
    };
    return reply.code(ready ? 200 : 503).send(view);
  });
}

// src/http/job-routes.ts
var import_core12 = require("@hangar/core");
function registerJobRoutes(app, api) {
  const { client } = api.options;
  const listQuery = listQuerySchema(api.options.defaultPageSize, api.options.maxPageSize);
  app.post("/jobs", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const body = parseRequest(enqueueBodySchema, request.body, "body");
    const options = body.options ?? {};
    if (options.system === true) requireAdmin(scope.caller, "hangar.http.systemJobForbidden");
    for (const parent of options.parents ?? []) {
      if (!await client.get(parent.id, { customerId: scope.customerId }))
        throw new import_core12.JobNotFoundError(parent.id);
    }
    const result = await client.enqueue(body.type, body.params ?? {}, {
      customerId: options.system === true ? void 0 : scope.customerId,
      userId: scope.caller.userId,
      delayMs: options.delayMs,
      priority: options.priority,
      queue: options.queue,
      idempotencyKey: options.idempotencyKey,
      parents: options.parents
    });
    const response = {
      id: result.id,
      created: result.created,
      job: renderJob(result.job, scope.render)
    };
    if (!await api.coverage.serves(result.job.queue, result.job.type)) {
      const params = { queue: result.job.queue, type: result.job.type };
      response.warnings = [
        {
          code: "QUEUE_NOT_SERVED",
          ...renderMessage({ key: "hangar.http.queueNotServed", params }, scope.render)
        }
      ];
    }
    return reply.code(result.created ? 201 : 200).header("location", `${api.prefix}/jobs/${encodeURIComponent(result.id)}`).send(response);
  });
  app.get("/jobs", { exposeHeadRoute: false }, async (request) => {
    const { scope, query } = await api.scope(request, "read", listQuery);
    const page = await client.list({
      customerId: scope.customerId,
      states: query.state,
      types: query.type,
      queue: query.queue,
      userId: query.userId,
      parentId: query.parentId,
      limit: query.limit,
      cursor: query.cursor
    }).catch((error) => {
      if ((0, import_core12.hasErrorCode)(error, "CONFIG_INVALID") && error.params.option === "cursor") {
        throw new RequestInvalidError([
          {
            path: "query.cursor",
            message: "pass the nextCursor of the previous page unchanged",
            code: "invalid_cursor"
          }
        ]);
      }
      throw error;
    });
    const view = {
      items: page.items.map((job) => renderJob(job, scope.render)),
      nextCursor: page.nextCursor ?? null
    };
    return view;
  });
  app.get("/jobs/:id", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await client.get(id, { customerId: scope.customerId }) ?? await systemJobFor(scope.caller, id);
    if (!job) throw new import_core12.JobNotFoundError(id);
    const log = await client.getLog(id);
    const view = renderJob(job, scope.render, log);
    return view;
  });
  async function systemJobFor(caller, id) {
    if (!caller.roles.includes("admin")) return void 0;
    const job = await client.get(id);
    return job?.customerId === void 0 ? job : void 0;
  }
  app.post("/jobs/:id/cancel", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const outcome = await client.cancel(id, { customerId: scope.customerId });
    const job = outcome === "not-found" ? void 0 : await client.get(id, { customerId: scope.customerId });
    if (!job || outcome === "not-found") throw new import_core12.JobNotFoundError(id);
    const response = { id, outcome, job: renderJob(job, scope.render) };
    return response;
  });
  app.post("/jobs/:id/retry", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await client.retry(id, { customerId: scope.customerId });
    const response = { id, job: renderJob(job, scope.render) };
    return response;
  });
  app.delete("/jobs/:id", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    await client.delete(id, { customerId: scope.customerId });
    const response = { id, deleted: true };
    return response;
  });
}

// src/metrics/job-metrics.ts
var JobMetrics = class {
  constructor(prom, options, events, queue) {
    this.queue = queue;
    this.registry = new prom.Registry();
    const labels = options.customerLabel ? ["type", "queue", "customer"] : ["type", "queue"];
    const p = options.prefix;
    const counter = (name, help, extra = []) => new prom.Counter({
      name: `${p}${name}`,
      help,
      labelNames: [...labels, ...extra],
      registers: [this.registry]
    });
    this.counters = {
      enqueued: counter("jobs_enqueued_total", "Jobs enqueued by this process"),
      started: counter("jobs_started_total", "Attempts started by this process"),
      succeeded: counter("jobs_succeeded_total", "Jobs that succeeded in this process"),
      failed: counter("jobs_failed_total", "Jobs that failed for good in this process"),
      cancelled: counter("jobs_cancelled_total", "Running jobs that ended cancelled in this process"),
      retrying: counter("jobs_retrying_total", "Failed attempts this process scheduled another attempt for"),
      retried: counter("jobs_retried_total", "Failed or Cancelled jobs this process put back by hand")
    };
    this.duration = new prom.Histogram({
      name: `${p}job_attempt_duration_seconds`,
      help: "Duration of the attempts this process ran, by how they ended",
      labelNames: [...labels, "outcome"],
      buckets: [...options.durationBuckets],
      registers: [this.registry]
    });
    let depths;
    const queueDepth = new prom.Gauge({
      name: `${p}queue_depth`,
      help: "Enqueued jobs waiting for a worker, per queue (read from the queue on each scrape)",
      labelNames: ["queue"],
      registers: [this.registry],
      collect: async () => {
        depths = this.queue.queueDepths();
        queueDepth.reset();
        for (const d of await depths) queueDepth.set({ queue: d.queue }, d.waiting);
      }
    });
    const oldestWaiting = new prom.Gauge({
      name: `${p}queue_oldest_waiting_seconds`,
      help: "How long the longest-waiting Enqueued job of each queue could have run already",
      labelNames: ["queue"],
      registers: [this.registry],
      collect: async () => {
        const read = depths ?? this.queue.queueDepths();
        depths = void 0;
        oldestWaiting.reset();
        const now = Date.now();
        for (const d of await read) {
          oldestWaiting.set({ queue: d.queue }, Math.max(0, (now - d.oldestRunAt.getTime()) / 1e3));
        }
      }
    });
    const runners = new prom.Gauge({
      name: `${p}runners_alive`,
      help: "Runners whose advertisement has not lapsed (read from the queue on each scrape)",
      registers: [this.registry],
      collect: async () => {
        runners.set((await this.queue.listRunners()).length);
      }
    });
    const of = (job) => {
      const base = { type: job.type, queue: job.queue };
      return options.customerLabel ? { ...base, customer: job.customerId ?? "" } : base;
    };
    const ended = (job, outcome) => {
      this.counters[outcome].inc(of(job));
      if (job.startedAt) {
        const seconds = Math.max(0, (Date.now() - job.startedAt.getTime()) / 1e3);
        this.duration.observe({ ...of(job), outcome }, seconds);
      }
    };
    const handlers = {
      "job:enqueued": ({ job }) => this.counters.enqueued.inc(of(job)),
      "job:started": ({ job }) => this.counters.started.inc(of(job)),
      "job:succeeded": ({ job }) => ended(job, "succeeded"),
      "job:failed": ({ job }) => ended(job, "failed"),
      "job:cancelled": ({ job }) => ended(job, "cancelled"),
      "job:retrying": ({ job }) => ended(job, "retrying"),
      "job:retried": ({ job }) => this.counters.retried.inc(of(job))
    };
    for (const [name, handler] of Object.entries(handlers)) {
      events.on(name, handler);
    }
    this.detach = () => {
      for (const [name, handler] of Object.entries(handlers)) {
        events.off(name, handler);
      }
    };
  }
  queue;
  /** The registry holding these metrics, for `registry.metrics()`. */
  registry;
  counters;
  duration;
  detach;
  /** The metrics in the Prometheus text format. */
  async scrape() {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
  /** Stops counting events. */
  stop() {
    this.detach();
  }
};

// src/optional-peer/load-optional-peer.ts
var import_core13 = require("@hangar/core");
async function loadOptionalPeer(load, option, pkg) {
  try {
    return await load();
  } catch (error) {
    const code = error.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new import_core13.ConfigurationError(
        option,
        `needs the ${pkg} package: install it with \`npm install ${pkg}\`, or turn ${option} off`
      );
    }
    throw error;
  }
}

// src/metrics/prom-client-loader.ts
function loadPromClient() {
  return loadOptionalPeer(() => import("prom-client"), "metrics", "prom-client@15");
}

// src/http/metrics-route.ts
async function registerMetricsRoute(app, api, options) {
  const prom = await loadPromClient();
  const { client } = api.options;
  const metrics = new JobMetrics(prom, options, client.events, client.queue);
  app.addHook("onClose", async () => metrics.stop());
  app.get("/metrics", { exposeHeadRoute: false }, async (_request, reply) => {
    const { contentType, body } = await metrics.scrape();
    return reply.header("content-type", contentType).send(body);
  });
}

// src/http/openapi-operations.ts
var import_zod2 = require("zod");
function toSchema(schema, io) {
  const json2 = import_zod2.z.toJSONSchema(schema, { io, unrepresentable: "any" });
  delete json2.$schema;
  return json2;
}
var ref = (name) => ({ $ref: `#/components/schemas/${name}` });
var json = (schema) => ({ "application/json": { schema } });
var ERROR_DESCRIPTIONS = {
  400: "PARAMS_INVALID, JOB_TYPE_UNKNOWN or REQUEST_INVALID, with field issues",
  401: "UNAUTHORIZED: missing or unknown bearer token",
  403: "FORBIDDEN: the token's roles do not allow this, or ?customerId= without the admin role",
  404: "JOB_NOT_FOUND, SCHEDULE_NOT_FOUND or TRIGGER_NOT_FOUND (also for another customer's job, schedule or trigger), or FILE_NOT_FOUND",
  409: "JOB_STATE_CONFLICT: the job\u2019s state does not allow this (retry: not Failed or Cancelled, or its parent has not succeeded; delete: not finished); SCHEDULE_NAME_TAKEN or TRIGGER_NAME_TAKEN: the name belongs to another owner"
};
function queryParameters(query) {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = toSchema(field, "input");
    const description = typeof schema.description === "string" ? schema.description : name === "lang" ? "Language of the messages (wins over Accept-Language), e.g. fr" : name === "customerId" ? "Admin tokens only: act for this customer" : void 0;
    delete schema.description;
    return { name, in: "query", required: false, schema, ...description ? { description } : {} };
  });
}
function operations(settings) {
  const common = commonQuerySchema;
  return [
    {
      method: "post",
      path: "/jobs",
      summary: "Enqueue a job for the caller\u2019s customer",
      role: "operator",
      query: common,
      body: enqueueBodySchema,
      errors: [400, 401, 403],
      ok: {
        status: 201,
        description: "Enqueued (200 when the idempotency key matched an earlier job)",
        content: json(ref("EnqueueResponse"))
      }
    },
    {
      method: "get",
      path: "/jobs",
      summary: "List the caller\u2019s jobs, newest first",
      role: "viewer",
      query: listQuerySchema(settings.defaultPageSize, settings.maxPageSize),
      errors: [400, 401, 403],
      ok: { status: 200, description: "One page of jobs", content: json(ref("JobPage")) }
    },
    {
      method: "get",
      path: "/jobs/{id}",
      summary: "A job with its messages, warnings, errors, result and files",
      role: "viewer",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "The job, rendered in the caller\u2019s language",
        content: json(ref("Job"))
      }
    },
    {
      method: "post",
      path: "/jobs/{id}/cancel",
      summary: "Cancel a job",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: "What the cancellation did", content: json(ref("CancelResponse")) }
    },
    {
      method: "post",
      path: "/jobs/{id}/retry",
      summary: "Run a Failed or Cancelled job again (same id, fresh attempts, log kept)",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: "The job, Enqueued again", content: json(ref("RetryResponse")) }
    },
    {
      method: "get",
      path: "/workflows/{id}",
      summary: "A workflow as one unit: its state, its steps with their states and progress, its outputs",
      role: "viewer",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "The workflow, rendered in the caller\u2019s language",
        content: json(ref("Workflow"))
      }
    },
    {
      method: "post",
      path: "/workflows/{id}/cancel",
      summary: "Cancel a workflow: its job and every step still waiting or running",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "What the cancellation did",
        content: json(ref("WorkflowCancelResponse"))
      }
    },
    {
      method: "post",
      path: "/workflows/{id}/steps/{step}/retry",
      summary: "Run a Failed or Cancelled step of an ended workflow again, without rerunning the steps that succeeded",
      role: "operator",
      query: common,
      pathParams: ["id", "step"],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: "The workflow, running again", content: json(ref("Workflow")) }
    },
    {
      method: "delete",
      path: "/jobs/{id}",
      summary: "Delete a finished job with its log",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: "Deleted", content: json(ref("DeleteResponse")) }
    },
    {
      method: "get",
      path: "/jobs/{id}/events",
      summary: "Live progress and state as server-sent events",
      role: "viewer",
      query: eventsQuerySchema,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "Events: `progress` and `message` (a log entry, `id` = its seq, resumable with Last-Event-ID), `state` ({ id, state, job }) on each change, `end` once terminal, then the stream closes.",
        content: { "text/event-stream": { schema: { type: "string" } } }
      }
    },
    {
      method: "get",
      path: "/jobs/{id}/files/{name}",
      summary: "Download an output file of a job",
      role: "viewer",
      query: common,
      pathParams: ["id", "name"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "The file, with its media type",
        content: {
          "application/octet-stream": {
            schema: { type: "string", contentMediaType: "application/octet-stream" }
          }
        }
      }
    },
    {
      method: "get",
      path: "/job-types",
      summary: "Job types with the JSON schema of their parameters",
      role: "viewer",
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: "Every registered job type",
        content: json({
          type: "object",
          properties: { items: { type: "array", items: ref("JobType") } },
          required: ["items"]
        })
      }
    },
    {
      method: "get",
      path: "/schedules",
      summary: "Recurring schedules of the caller\u2019s customer, with their next run",
      role: "viewer",
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: "The schedules",
        content: json({
          type: "object",
          properties: { items: { type: "array", items: ref("Schedule") } },
          required: ["items"]
        })
      }
    },
    {
      method: "put",
      path: "/schedules/{name}",
      summary: "Create or replace a recurring schedule of the caller\u2019s customer",
      role: "operator",
      query: common,
      pathParams: ["name"],
      body: scheduleBodySchema,
      errors: [400, 401, 403, 409],
      ok: {
        status: 201,
        description: "Created (200 when the caller\u2019s schedule of that name was replaced); `system: true` needs the admin role",
        content: json(ref("ScheduleSaveResponse"))
      }
    },
    ...["pause", "resume"].map(
      (action) => ({
        method: "post",
        path: `/schedules/{name}/${action}`,
        summary: action === "pause" ? "Stop a schedule from firing" : "Fire a paused schedule again from its next cron time",
        role: "operator",
        query: common,
        pathParams: ["name"],
        errors: [400, 401, 403, 404],
        ok: { status: 200, description: "The schedule", content: json(ref("Schedule")) }
      })
    ),
    {
      method: "post",
      path: "/schedules/{name}/trigger",
      summary: "Enqueue one job of the schedule now (its cron times are unchanged)",
      role: "operator",
      query: common,
      pathParams: ["name"],
      errors: [400, 401, 403, 404],
      ok: { status: 201, description: "The job enqueued", content: json(ref("ScheduleTriggerResponse")) }
    },
    {
      method: "delete",
      path: "/schedules/{name}",
      summary: "Delete a schedule (jobs it enqueued stay)",
      role: "operator",
      query: common,
      pathParams: ["name"],
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: "Deleted", content: json(ref("ScheduleDeleteResponse")) }
    },
    {
      method: "get",
      path: "/openapi.json",
      summary: "This document",
      role: "public",
      query: import_zod2.z.object({}),
      errors: [],
      ok: { status: 200, description: "OpenAPI 3.1 document of the API", content: json({ type: "object" }) }
    },
    {
      method: "get",
      path: "/docs",
      summary: "Reference page of the API, built from this document",
      role: "public",
      query: import_zod2.z.object({}),
      errors: [],
      ok: {
        status: 200,
        description: "An HTML page",
        content: { "text/html": { schema: { type: "string" } } }
      }
    },
    {
      method: "get",
      path: "/health",
      summary: "Liveness: the process answers",
      role: "public",
      query: import_zod2.z.object({}),
      errors: [],
      ok: { status: 200, description: 'Always `{ "status": "ok" }`', content: json(ref("Health")) }
    },
    ...settings.metrics ? [
      {
        method: "get",
        path: "/metrics",
        summary: "Prometheus metrics: job counters, attempt durations, queue depths, live runners",
        role: "public",
        query: import_zod2.z.object({}),
        errors: [],
        ok: {
          status: 200,
          description: "The Prometheus text format",
          content: { "text/plain": { schema: { type: "string" } } }
        }
      }
    ] : [],
    {
      method: "get",
      path: "/ready",
      summary: "Readiness: the queue and every registered check answer",
      role: "public",
      query: import_zod2.z.object({}),
      errors: [],
      ok: {
        status: 200,
        description: "Ready; 503 with the same body names the checks that failed or timed out",
        content: json(ref("Readiness"))
      }
    }
  ];
}

// src/http/trigger-schemas.ts
var import_core14 = require("@hangar/core");
var import_zod3 = require("zod");
var triggerBodySchema = import_zod3.z.strictObject({
  on: import_zod3.z.strictObject(
    {
      type: import_zod3.z.string({ error: "give the job type whose ends fire it" }).min(1, { error: "give the job type whose ends fire it" }).max(200).describe("Job type of the ended job (`conso.workflow` for a workflow)"),
      states: import_zod3.z.array(import_zod3.z.enum(import_core14.TRIGGER_END_STATES), {
        error: `give a list of ${import_core14.TRIGGER_END_STATES.join(", ")}`
      }).min(1, { error: `give at least one of ${import_core14.TRIGGER_END_STATES.join(", ")}` }).describe("End states that fire it"),
      metadata: import_zod3.z.record(import_zod3.z.string(), import_zod3.z.string({ error: "give a string value" })).optional().describe('Only jobs whose metadata holds these values, e.g. { "workflow": "month-end" }')
    },
    { error: 'say which job ends fire it: { "type": ..., "states": [...] }' }
  ),
  job: import_zod3.z.strictObject(
    {
      type: storedJobType,
      params: storedJobParams,
      queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
      priority: priority.optional().describe("Lower runs first; default 0")
    },
    { error: 'say which job to enqueue: { "type": ..., "params": {...} }' }
  ),
  paused: keepPaused,
  system: trueOrFalse.describe(
    "Admins only: a trigger on every customer\u2019s jobs (each job it enqueues runs as the ended job\u2019s customer)"
  )
});
var triggerViewSchema = import_zod3.z.object({
  name: import_zod3.z.string(),
  on: import_zod3.z.object({
    type: import_zod3.z.string(),
    customerId: import_zod3.z.string().nullable().describe("null: every customer\u2019s jobs (a system trigger)"),
    states: import_zod3.z.array(import_zod3.z.string()),
    metadata: import_zod3.z.record(import_zod3.z.string(), import_zod3.z.string())
  }),
  job: import_zod3.z.object({ type: import_zod3.z.string(), queue: import_zod3.z.string().nullable(), priority: import_zod3.z.number().nullable() }),
  paused: import_zod3.z.boolean(),
  since: import_zod3.z.iso.datetime().describe("Jobs that ended at or before this time never fire it"),
  lastFiredAt: import_zod3.z.iso.datetime().nullable()
});
var triggerSaveResponseSchema = import_zod3.z.object({
  created: import_zod3.z.boolean().describe("False when an existing trigger of the caller was replaced"),
  trigger: triggerViewSchema
});
var triggerDeleteResponseSchema = import_zod3.z.object({ name: import_zod3.z.string(), deleted: import_zod3.z.literal(true) });

// src/http/trigger-operations.ts
function triggerOperations(common) {
  const named = { query: common, pathParams: ["name"] };
  return [
    {
      method: "get",
      path: "/triggers",
      summary: "Event triggers bound to the caller\u2019s customer (and, for admins, the system ones)",
      role: "viewer",
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: "The triggers",
        content: json({
          type: "object",
          properties: { items: { type: "array", items: ref("Trigger") } },
          required: ["items"]
        })
      }
    },
    {
      method: "put",
      path: "/triggers/{name}",
      summary: "Create or replace an event trigger on the caller\u2019s customer\u2019s jobs",
      role: "operator",
      ...named,
      body: triggerBodySchema,
      errors: [400, 401, 403, 409],
      ok: {
        status: 201,
        description: "Created (200 when the caller\u2019s trigger of that name was replaced); `system: true` needs the admin role",
        content: json(ref("TriggerSaveResponse"))
      }
    },
    ...["pause", "resume"].map(
      (action) => ({
        method: "post",
        path: `/triggers/{name}/${action}`,
        summary: action === "pause" ? "Stop a trigger from firing" : "Fire a paused trigger again, on jobs that end from now on (ends while paused are not replayed)",
        role: "operator",
        ...named,
        errors: [400, 401, 403, 404],
        ok: { status: 200, description: "The trigger", content: json(ref("Trigger")) }
      })
    ),
    {
      method: "delete",
      path: "/triggers/{name}",
      summary: "Delete a trigger (jobs it enqueued stay)",
      role: "operator",
      ...named,
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: "Deleted", content: json(ref("TriggerDeleteResponse")) }
    }
  ];
}

// src/http/view-schemas.ts
var import_core15 = require("@hangar/core");
var import_zod4 = require("zod");
var param = import_zod4.z.union([import_zod4.z.string(), import_zod4.z.number(), import_zod4.z.boolean(), import_zod4.z.null()]);
var timestamp = import_zod4.z.iso.datetime();
var messageViewSchema = import_zod4.z.object({
  text: import_zod4.z.string().describe("The message in the caller's language"),
  key: import_zod4.z.string(),
  params: import_zod4.z.record(import_zod4.z.string(), param)
});
var logEntryViewSchema = messageViewSchema.extend({
  seq: import_zod4.z.number().int().describe("Position in the job log, from 1"),
  at: timestamp,
  level: import_zod4.z.enum(["progress", "info", "warning", "error"]),
  current: import_zod4.z.number().optional(),
  total: import_zod4.z.number().optional(),
  percent: import_zod4.z.number().optional().describe("current / total, 0 to 100, when both are known")
});
var errorViewSchema = messageViewSchema.extend({
  code: import_zod4.z.string(),
  severity: import_zod4.z.enum(["error", "warning", "info"]),
  source: import_zod4.z.string().optional()
});
var outputFileViewSchema = import_zod4.z.object({
  name: import_zod4.z.string(),
  size: import_zod4.z.number().int(),
  mediaType: import_zod4.z.string(),
  url: import_zod4.z.string().describe("Path of the download route, relative to the server")
});
var progressViewSchema = messageViewSchema.extend({
  current: import_zod4.z.number().optional(),
  total: import_zod4.z.number().optional(),
  percent: import_zod4.z.number().optional()
});
var jobViewSchema = import_zod4.z.object({
  id: import_zod4.z.string(),
  type: import_zod4.z.string(),
  queue: import_zod4.z.string(),
  state: import_zod4.z.enum(import_core15.JOB_STATES),
  priority: import_zod4.z.number().int(),
  attempts: import_zod4.z.number().int(),
  maxAttempts: import_zod4.z.number().int(),
  customerId: import_zod4.z.string().nullable(),
  userId: import_zod4.z.string().nullable(),
  parentId: import_zod4.z.string().nullable().describe("Its first parent"),
  parents: import_zod4.z.array(import_zod4.z.object({ id: import_zod4.z.string(), on: import_zod4.z.enum(["success", "failure", "end"]) })).describe("The jobs it waits on and how each has to end"),
  cancelRequested: import_zod4.z.boolean(),
  progress: progressViewSchema.nullable(),
  messages: import_zod4.z.array(logEntryViewSchema).optional().describe("Every progress and user message, in order (detail only)"),
  warnings: import_zod4.z.array(messageViewSchema),
  errors: import_zod4.z.array(errorViewSchema),
  success: import_zod4.z.boolean().nullable().describe("Whether the job reached its goal, once finished"),
  result: import_zod4.z.unknown().describe("The job's own result value, once succeeded"),
  outputFiles: import_zod4.z.array(outputFileViewSchema),
  worker: import_zod4.z.object({ id: import_zod4.z.string(), host: import_zod4.z.string(), pid: import_zod4.z.number().int() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  runAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable()
});
var enqueueResponseSchema = import_zod4.z.object({
  id: import_zod4.z.string(),
  created: import_zod4.z.boolean().describe("False when an earlier job with the same idempotency key was returned"),
  job: jobViewSchema,
  warnings: import_zod4.z.array(messageViewSchema.extend({ code: import_zod4.z.literal("QUEUE_NOT_SERVED") })).optional().describe("QUEUE_NOT_SERVED: the job is stored, but no live runner serves its queue and type yet")
});
var cancelResponseSchema = import_zod4.z.object({
  id: import_zod4.z.string(),
  outcome: import_zod4.z.enum(["cancelled", "requested", "finished"]).describe(
    "cancelled: it will never run; requested: its worker is stopping it; finished: it had already ended"
  ),
  job: jobViewSchema
});
var jobPageViewSchema = import_zod4.z.object({
  items: import_zod4.z.array(jobViewSchema),
  nextCursor: import_zod4.z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page")
});
var jobTypeViewSchema = import_zod4.z.object({
  type: import_zod4.z.string(),
  description: messageViewSchema.nullable(),
  defaultQueue: import_zod4.z.string(),
  timeoutMs: import_zod4.z.number().nullable(),
  maxAttempts: import_zod4.z.number().int(),
  paramsSchema: import_zod4.z.record(import_zod4.z.string(), import_zod4.z.unknown()).describe("JSON schema of the parameters")
});
var retryResponseSchema = import_zod4.z.object({ id: import_zod4.z.string(), job: jobViewSchema });
var deleteResponseSchema = import_zod4.z.object({ id: import_zod4.z.string(), deleted: import_zod4.z.literal(true) });
var healthViewSchema = import_zod4.z.object({ status: import_zod4.z.literal("ok") });
var readinessViewSchema = import_zod4.z.object({
  status: import_zod4.z.enum(["ready", "unavailable"]),
  unservedQueues: import_zod4.z.array(
    import_zod4.z.object({
      queue: import_zod4.z.string(),
      waiting: import_zod4.z.number().int(),
      oldestRunAt: timestamp.describe("Since when the longest-waiting job could have run")
    })
  ).describe(
    "Queues with Enqueued jobs that no live runner serves (they wait until one starts); not a failure of this server"
  ),
  checks: import_zod4.z.array(
    import_zod4.z.object({
      name: import_zod4.z.string().describe("`queue`, or the name of a check the host registered"),
      ok: import_zod4.z.boolean(),
      outcome: import_zod4.z.enum(["ok", "failed", "timeout"])
    })
  )
});
var scheduleViewSchema = import_zod4.z.object({
  name: import_zod4.z.string(),
  cron: import_zod4.z.string(),
  timezone: import_zod4.z.string(),
  type: import_zod4.z.string(),
  queue: import_zod4.z.string().nullable(),
  paused: import_zod4.z.boolean(),
  nextRunAt: timestamp.nullable(),
  lastRunAt: timestamp.nullable()
});
var scheduleSaveResponseSchema = import_zod4.z.object({
  created: import_zod4.z.boolean().describe("False when an existing schedule of the caller was replaced"),
  schedule: scheduleViewSchema
});
var scheduleTriggerResponseSchema = import_zod4.z.object({
  name: import_zod4.z.string(),
  jobId: import_zod4.z.string(),
  job: jobViewSchema
});
var scheduleDeleteResponseSchema = import_zod4.z.object({ name: import_zod4.z.string(), deleted: import_zod4.z.literal(true) });
var errorBodySchema = import_zod4.z.object({
  error: import_zod4.z.object({
    code: import_zod4.z.string().describe("Stable code: UNAUTHORIZED, FORBIDDEN, PARAMS_INVALID, JOB_TYPE_UNKNOWN, JOB_NOT_FOUND, ..."),
    message: import_zod4.z.string().describe("Rendered in the caller's language"),
    key: import_zod4.z.string(),
    params: import_zod4.z.record(import_zod4.z.string(), param),
    issues: import_zod4.z.array(import_zod4.z.object({ path: import_zod4.z.string(), message: import_zod4.z.string(), code: import_zod4.z.string() })).optional().describe("Field-level problems of PARAMS_INVALID and REQUEST_INVALID"),
    requestId: import_zod4.z.string().describe("Id of the request, also in the x-request-id header and the server log")
  })
});

// src/http/workflow-view-schema.ts
var import_zod5 = require("zod");
var stepState = import_zod5.z.enum([
  "Waiting",
  "Skipped",
  "Scheduled",
  "Enqueued",
  "Awaiting",
  "Processing",
  "Succeeded",
  "Failed",
  "Cancelled"
]);
var workflowStepViewSchema = import_zod5.z.object({
  id: import_zod5.z.string(),
  type: import_zod5.z.string(),
  after: import_zod5.z.array(import_zod5.z.string()).describe("Steps it runs after: the edges into it"),
  on: import_zod5.z.enum(["success", "failure", "end"]).describe("How each of those has to end for it to run"),
  when: import_zod5.z.object({
    step: import_zod5.z.string(),
    path: import_zod5.z.string(),
    op: import_zod5.z.string(),
    value: import_zod5.z.union([import_zod5.z.string(), import_zod5.z.number(), import_zod5.z.boolean(), import_zod5.z.null()]).optional()
  }).nullable().describe("A test of one of those steps' result; the step is skipped when it does not hold"),
  state: stepState,
  jobId: import_zod5.z.string().nullable(),
  progress: progressViewSchema.nullable(),
  result: import_zod5.z.unknown(),
  errors: import_zod5.z.array(errorViewSchema)
});
var workflowApiViewSchema = import_zod5.z.object({
  id: import_zod5.z.string(),
  name: import_zod5.z.string(),
  state: import_zod5.z.string(),
  done: import_zod5.z.number().int(),
  total: import_zod5.z.number().int(),
  steps: import_zod5.z.array(workflowStepViewSchema),
  current: import_zod5.z.array(import_zod5.z.string()).describe("Ids of the steps running now"),
  job: jobViewSchema
});
var workflowCancelResponseSchema = import_zod5.z.object({
  id: import_zod5.z.string(),
  outcome: import_zod5.z.enum(["cancelled", "requested", "finished", "not-found"]),
  steps: import_zod5.z.number().int().describe("Steps cancelled or asked to stop")
});
function renderWorkflow(view, ctx) {
  return {
    id: view.id,
    name: view.name,
    state: view.state,
    done: view.done,
    total: view.total,
    steps: view.steps.map((step) => ({
      id: step.id,
      type: step.type,
      after: [...step.after],
      on: step.on,
      when: step.when ?? null,
      state: step.state,
      jobId: step.jobId ?? null,
      progress: step.progress ? {
        ...renderMessage(step.progress.message, ctx),
        current: step.progress.current,
        total: step.progress.total
      } : null,
      result: step.result ?? null,
      errors: renderErrors(step.errorInfo ?? [], ctx)
    })),
    current: view.current.map((step) => step.id),
    job: renderJob(view.job, ctx)
  };
}

// src/http/openapi.ts
function paramsSchemaName(type) {
  return `Params.${type.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}
function objectSchema(schema) {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
  const copy = { ...schema };
  delete copy.$schema;
  return copy;
}
function enqueueBodyByType(settings) {
  const generic = toSchema(enqueueBodySchema, "input");
  if (settings.jobTypes.length === 0) return generic;
  const properties = generic.properties ?? {};
  return {
    oneOf: settings.jobTypes.map((t) => ({
      ...generic,
      title: t.type,
      properties: { ...properties, type: { const: t.type }, params: ref(paramsSchemaName(t.type)) }
    }))
  };
}
function buildOpenApiDocument(settings) {
  const paths = {};
  for (const op of [...operations(settings), ...triggerOperations(commonQuerySchema)]) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" }
      })),
      ...queryParameters(op.query)
    ];
    const responses = {
      [String(op.ok.status)]: { description: op.ok.description, content: op.ok.content }
    };
    if (op.method === "post" && op.path === "/jobs") {
      responses["200"] = {
        description: "An earlier job with the same idempotency key",
        content: op.ok.content
      };
    }
    for (const status of op.errors) {
      responses[String(status)] = {
        description: ERROR_DESCRIPTIONS[status] ?? "Error",
        content: json(ref("Error"))
      };
    }
    const operation = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c) => (c ?? "").toUpperCase())}`,
      summary: op.summary,
      description: op.role === "public" ? "Needs no token." : `Needs the ${op.role} role (or a higher one).`,
      parameters,
      responses
    };
    if (op.role === "public") operation.security = [];
    if (op.body === enqueueBodySchema) {
      operation.requestBody = { required: true, content: json(enqueueBodyByType(settings)) };
    } else if (op.body) {
      operation.requestBody = { required: true, content: json(toSchema(op.body, "input")) };
    }
    paths[op.path] ??= {};
    paths[op.path][op.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: settings.title,
      version: settings.version,
      description: "Enqueue, follow, cancel and list background jobs. Every call but /health, /ready, /openapi.json and /docs needs `Authorization: Bearer <token>`; a token only ever sees its own customer\u2019s jobs."
    },
    servers: [{ url: settings.prefix || "/" }],
    paths,
    components: {
      schemas: {
        Job: toSchema(jobViewSchema, "output"),
        JobPage: toSchema(jobPageViewSchema, "output"),
        EnqueueResponse: toSchema(enqueueResponseSchema, "output"),
        CancelResponse: toSchema(cancelResponseSchema, "output"),
        RetryResponse: toSchema(retryResponseSchema, "output"),
        Workflow: toSchema(workflowApiViewSchema, "output"),
        WorkflowCancelResponse: toSchema(workflowCancelResponseSchema, "output"),
        ScheduleSaveResponse: toSchema(scheduleSaveResponseSchema, "output"),
        ScheduleTriggerResponse: toSchema(scheduleTriggerResponseSchema, "output"),
        ScheduleDeleteResponse: toSchema(scheduleDeleteResponseSchema, "output"),
        DeleteResponse: toSchema(deleteResponseSchema, "output"),
        JobType: toSchema(jobTypeViewSchema, "output"),
        Schedule: toSchema(scheduleViewSchema, "output"),
        Trigger: toSchema(triggerViewSchema, "output"),
        TriggerSaveResponse: toSchema(triggerSaveResponseSchema, "output"),
        TriggerDeleteResponse: toSchema(triggerDeleteResponseSchema, "output"),
        Error: toSchema(errorBodySchema, "output"),
        Health: toSchema(healthViewSchema, "output"),
        Readiness: toSchema(readinessViewSchema, "output"),
        ...Object.fromEntries(
          settings.jobTypes.map((t) => [paramsSchemaName(t.type), objectSchema(t.paramsSchema)])
        )
      },
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } }
    },
    security: [{ bearerAuth: [] }]
  };
}
function registerOpenApiRoute(app, api) {
  const document2 = buildOpenApiDocument({
    title: api.options.title,
    version: api.options.version,
    prefix: api.prefix,
    defaultPageSize: api.options.defaultPageSize,
    maxPageSize: api.options.maxPageSize,
    jobTypes: api.options.client.registry.describe(),
    metrics: api.options.metrics !== void 0
  });
  app.get("/openapi.json", { exposeHeadRoute: false }, async () => document2);
}

// src/http/schedule-routes.ts
var import_core17 = require("@hangar/core");

// src/http/schedule-name-taken-error.ts
var import_core16 = require("@hangar/core");
var ScheduleNameTakenError = class extends import_core16.HangarError {
  constructor(name) {
    super("SCHEDULE_NAME_TAKEN", "hangar.http.scheduleNameTaken", `The schedule name "${name}" is taken`, {
      params: { name },
      retryable: false
    });
  }
};

// src/http/schedule-routes.ts
function owns(scope, schedule) {
  return schedule.options.customerId === void 0 ? scope.caller.roles.includes("admin") : schedule.options.customerId === scope.customerId;
}
function registerScheduleRoutes(app, api) {
  const { schedules } = api.options.client;
  async function ownedSchedule(request) {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const schedule = await schedules.get(name);
    if (!schedule || !owns(scope, schedule)) throw new import_core17.ScheduleNotFoundError(name);
    return { scope, name };
  }
  app.get("/schedules", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const visible = (await schedules.list()).filter((s) => owns(scope, s));
    return { items: visible.map(renderSchedule) };
  });
  app.put("/schedules/:name", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const body = parseRequest(scheduleBodySchema, request.body, "body");
    if (body.system) requirePermission(scope.caller, "admin");
    const existing = await schedules.get(name);
    if (existing && !owns(scope, existing)) throw new ScheduleNameTakenError(name);
    if (existing && existing.options.customerId === void 0 !== (body.system === true)) {
      throw new ScheduleNameTakenError(name);
    }
    const owner = body.system ? {} : { customerId: scope.customerId, userId: scope.caller.userId };
    const saved = await schedules.upsert({
      name,
      cron: body.cron,
      timezone: body.timezone,
      type: body.type,
      params: body.params ?? {},
      options: { ...body.options, ...owner },
      // A replaced schedule keeps its pause unless the body says otherwise.
      paused: body.paused ?? existing?.paused
    });
    const response = { created: !existing, schedule: renderSchedule(saved) };
    return reply.code(existing ? 200 : 201).send(response);
  });
  app.post("/schedules/:name/pause", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    return renderSchedule(await schedules.pause(name));
  });
  app.post("/schedules/:name/resume", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    return renderSchedule(await schedules.resume(name));
  });
  app.post("/schedules/:name/trigger", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope, name } = await ownedSchedule(request);
    const result = await schedules.trigger(name);
    const response = {
      name,
      jobId: result.id,
      job: renderJob(result.job, scope.render)
    };
    return reply.code(201).header("location", `${api.prefix}/jobs/${encodeURIComponent(result.id)}`).send(response);
  });
  app.delete("/schedules/:name", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    if (!await schedules.delete(name)) throw new import_core17.ScheduleNotFoundError(name);
    const response = { name, deleted: true };
    return response;
  });
}

// src/http/sse-route.ts
var import_core19 = require("@hangar/core");

// src/http/change-hub.ts
var JobChangeHub = class {
  constructor(queue) {
    this.queue = queue;
  }
  queue;
  listeners = /* @__PURE__ */ new Map();
  subscription;
  closed = false;
  /** Calls `listener` on every change of `jobId` until the returned function is called. */
  async watch(jobId, listener) {
    if (this.closed) return () => {
    };
    let set = this.listeners.get(jobId);
    if (!set) {
      set = /* @__PURE__ */ new Set();
      this.listeners.set(jobId, set);
    }
    set.add(listener);
    this.subscription ??= this.queue.subscribe((change) => this.dispatch(change));
    const subscription = this.subscription;
    try {
      await subscription;
    } catch (error) {
      set.delete(listener);
      if (this.subscription === subscription) this.subscription = void 0;
      throw error;
    }
    return () => {
      const current = this.listeners.get(jobId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(jobId);
    };
  }
  dispatch(change) {
    const set = this.listeners.get(change.jobId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(change);
      } catch {
      }
    }
  }
  /** Drops every listener and the queue subscription. */
  async close() {
    this.closed = true;
    this.listeners.clear();
    const subscription = this.subscription;
    this.subscription = void 0;
    if (subscription) await (await subscription.catch(() => () => {
    }))();
  }
};

// src/http/sse-stream.ts
var import_core18 = require("@hangar/core");
var JobEventStream = class {
  constructor(deps, lastSeq) {
    this.deps = deps;
    this.lastSeq = lastSeq;
  }
  deps;
  lastSeq;
  lastState;
  syncing = false;
  again = false;
  closed = false;
  unwatch;
  timers = [];
  /** Writes the headers and the backlog, then follows the job until it ends or the client leaves. */
  async start() {
    const { raw } = this.deps;
    raw.on("close", () => this.close());
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "content-language": this.deps.render.lang,
      // Stops nginx-style proxies from buffering the stream into one late chunk.
      "x-accel-buffering": "no"
    });
    this.write("retry: 2000\n\n");
    const unwatch = await this.deps.hub.watch(this.deps.jobId, () => void this.sync());
    if (this.closed) {
      unwatch();
      return;
    }
    this.unwatch = unwatch;
    this.timers.push(setInterval(() => this.write(": keep-alive\n\n"), this.deps.heartbeatMs));
    this.timers.push(setInterval(() => void this.sync(), this.deps.pollMs));
    await this.sync();
  }
  /** Ends the stream and stops following the job; safe to call more than once. */
  close() {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.unwatch?.();
    if (!this.deps.raw.writableEnded) this.deps.raw.end();
    this.deps.onClose();
  }
  // Changes arrive in bursts; one read at a time, repeated while more came in, keeps events in order.
  async sync() {
    if (this.closed) return;
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again && !this.closed);
    } catch (error) {
      this.deps.log.warn(
        { err: error, jobId: this.deps.jobId },
        "Could not read the streamed job; retrying on the next change"
      );
    } finally {
      this.syncing = false;
    }
  }
  async step() {
    const { client, jobId, customerId: customerId2, render } = this.deps;
    const job = await client.get(jobId, { customerId: customerId2 });
    if (!job) {
      const { body } = toErrorResponse(new import_core18.JobNotFoundError(jobId), render.translator, render.lang, "");
      this.event("error", body);
      this.close();
      return;
    }
    const entries = await client.getLog(jobId, { afterSeq: this.lastSeq });
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      this.event(
        entry.level === "progress" ? "progress" : "message",
        renderLogEntry(entry, render),
        entry.seq
      );
    }
    if (job.state !== this.lastState) {
      this.lastState = job.state;
      this.event("state", { id: job.id, state: job.state, job: renderJob(job, render) });
    }
    if ((0, import_core18.isTerminalState)(job.state)) {
      this.event("end", { id: job.id, state: job.state });
      this.close();
    }
  }
  event(name, data, id) {
    this.write(`${id === void 0 ? "" : `id: ${id}
`}event: ${name}
data: ${JSON.stringify(data)}

`);
  }
  write(chunk) {
    if (!this.deps.raw.writableEnded && !this.deps.raw.destroyed) this.deps.raw.write(chunk);
  }
};

// src/http/sse-route.ts
function registerSseRoute(app, api) {
  const { client } = api.options;
  const hub = new JobChangeHub(client.queue);
  const open = /* @__PURE__ */ new Set();
  app.addHook("preClose", async () => {
    for (const stream of [...open]) stream.close();
  });
  app.addHook("onClose", async () => {
    await hub.close();
  });
  app.get("/jobs/:id/events", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope, query } = await api.scope(request, "read", eventsQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await client.get(id, { customerId: scope.customerId });
    if (!job) throw new import_core19.JobNotFoundError(id);
    const header = request.headers["last-event-id"];
    const resumeFrom = typeof header === "string" && /^\d+$/.test(header) ? Number(header) : void 0;
    reply.hijack();
    const stream = new JobEventStream(
      {
        client,
        hub,
        jobId: id,
        customerId: scope.customerId,
        render: scope.render,
        raw: reply.raw,
        heartbeatMs: api.options.sseHeartbeatMs,
        pollMs: api.options.ssePollMs,
        log: request.log,
        onClose: () => open.delete(stream)
      },
      query.after ?? resumeFrom ?? 0
    );
    open.add(stream);
    try {
      await stream.start();
    } catch (error) {
      request.log.error({ err: error, jobId: id }, "Event stream failed");
      stream.close();
    }
  });
}

// src/http/trigger-routes.ts
var import_core21 = require("@hangar/core");

// src/http/trigger-name-taken-error.ts
var import_core20 = require("@hangar/core");
var TriggerNameTakenError = class extends import_core20.HangarError {
  constructor(name) {
    super("TRIGGER_NAME_TAKEN", "hangar.http.triggerNameTaken", `The trigger name "${name}" is taken`, {
      params: { name },
      retryable: false
    });
  }
};

// src/http/trigger-routes.ts
function owns2(scope, trigger) {
  return trigger.on.customerId === void 0 ? scope.caller.roles.includes("admin") : trigger.on.customerId === scope.customerId;
}
function renderTrigger(t) {
  return {
    name: t.name,
    on: {
      type: t.on.type,
      customerId: t.on.customerId ?? null,
      states: [...t.on.states],
      metadata: { ...t.on.metadata }
    },
    job: { type: t.job.type, queue: t.job.queue ?? null, priority: t.job.priority ?? null },
    paused: t.paused,
    since: new Date(t.since).toISOString(),
    lastFiredAt: t.lastFiredAt ? new Date(t.lastFiredAt).toISOString() : null
  };
}
function registerTriggerRoutes(app, api) {
  const { triggers } = api.options.client;
  async function ownedTrigger(request) {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const trigger = await triggers.get(name);
    if (!trigger || !owns2(scope, trigger)) throw new import_core21.TriggerNotFoundError(name);
    return { scope, name };
  }
  app.get("/triggers", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const visible = (await triggers.list()).filter((t) => owns2(scope, t));
    return { items: visible.map(renderTrigger) };
  });
  app.put("/triggers/:name", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const body = parseRequest(triggerBodySchema, request.body, "body");
    if (body.system) requirePermission(scope.caller, "admin");
    const existing = await triggers.get(name);
    if (existing && !owns2(scope, existing)) throw new TriggerNameTakenError(name);
    if (existing && existing.on.customerId === void 0 !== (body.system === true)) {
      throw new TriggerNameTakenError(name);
    }
    const input = {
      name,
      on: {
        type: body.on.type,
        states: body.on.states,
        ...body.on.metadata ? { metadata: body.on.metadata } : {},
        ...body.system ? {} : { customerId: scope.customerId }
      },
      job: { ...body.job, params: body.job.params ?? {} },
      paused: body.paused
    };
    const saved = await triggers.upsert(input);
    const response = { created: !existing, trigger: renderTrigger(saved) };
    return reply.code(existing ? 200 : 201).send(response);
  });
  app.post("/triggers/:name/pause", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    return renderTrigger(await triggers.pause(name));
  });
  app.post("/triggers/:name/resume", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    return renderTrigger(await triggers.resume(name));
  });
  app.delete("/triggers/:name", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    if (!await triggers.delete(name)) throw new import_core21.TriggerNotFoundError(name);
    return { name, deleted: true };
  });
}

// src/http/workflow-routes.ts
var import_core22 = require("@hangar/core");
var import_zod6 = require("zod");
var workflowStepParamsSchema = import_zod6.z.object({
  id: import_zod6.z.string().min(1).max(200),
  step: import_zod6.z.string().min(1).max(100)
});
function registerWorkflowRoutes(app, api) {
  const { client } = api.options;
  app.get("/workflows/:id", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const view = await client.getWorkflow(id, { customerId: scope.customerId });
    if (!view) throw new import_core22.JobNotFoundError(id);
    return renderWorkflow(view, scope.render);
  });
  app.post("/workflows/:id/cancel", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const { workflow, steps } = await client.cancelWorkflow(id, { customerId: scope.customerId });
    return { id, outcome: workflow, steps };
  });
  app.post("/workflows/:id/steps/:step/retry", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id, step } = parseRequest(workflowStepParamsSchema, request.params, "path");
    const view = await client.retryWorkflowStep(id, step, { customerId: scope.customerId });
    return renderWorkflow(view, scope.render);
  });
}

// src/http/http-server.ts
var hangarHttpPlugin = async (app, options) => {
  const resolved = resolveHttpOptions(options);
  const translator = resolved.client.registry.translator.register(httpMessages);
  const api = new ApiContext(resolved, translator, new Authenticator(resolved.auth), app.prefix);
  await resolved.client.tracing();
  installErrorReplies(app, translator, resolved.logger);
  if (app.prefix !== "") app.setNotFoundHandler(routeNotFoundReply(translator, resolved.logger));
  registerJobRoutes(app, api);
  registerSseRoute(app, api);
  registerFileRoute(app, api);
  registerCatalogRoutes(app, api);
  registerScheduleRoutes(app, api);
  registerWorkflowRoutes(app, api);
  registerTriggerRoutes(app, api);
  registerOpenApiRoute(app, api);
  registerDocsPage(app);
  registerHealthRoutes(app, api);
  if (resolved.metrics) await registerMetricsRoute(app, api, resolved.metrics);
  if (dashboardEnabled(options.dashboard)) registerDashboard(app, api);
};
function createHttpServer(options) {
  const { fastify: fastifyOptions = {}, ...apiOptions } = options ?? {};
  const resolved = resolveHttpOptions(apiOptions);
  const fastify = requireDriver("fastify", "The HTTP API (@hangar/runner/http)");
  const translator = resolved.client.registry.translator.register(httpMessages);
  const hasLogger = fastifyOptions.logger !== void 0 || fastifyOptions.loggerInstance !== void 0;
  const app = fastify({
    genReqId: () => (0, import_node_crypto4.randomUUID)(),
    ...hasLogger ? {} : { logger: { level: "warn" } },
    frameworkErrors: frameworkErrorReply(translator, resolved.logger),
    clientErrorHandler: clientErrorReply(translator),
    ...fastifyOptions
  });
  installErrorReplies(app, translator, resolved.logger);
  app.setNotFoundHandler(routeNotFoundReply(translator, resolved.logger));
  void app.register(hangarHttpPlugin, apiOptions);
  return app;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  API_ROLES,
  FileNotFoundError,
  ForbiddenError,
  HTTP_DEFAULTS,
  HTTP_STATUS_BY_CODE,
  METRICS_DEFAULTS,
  MIN_TOKEN_LENGTH,
  OVERVIEW_COUNT_LIMIT,
  RequestInvalidError,
  RouteNotFoundError,
  ScheduleNameTakenError,
  UnauthorizedError,
  buildOpenApiDocument,
  buildOverview,
  createHttpServer,
  dashboardAssetsDir,
  dashboardEnabled,
  dashboardMessages,
  hangarHttpPlugin,
  httpMessages,
  loadDashboardAssets,
  registerDashboard,
  resolveHttpOptions,
  scanOverview
});
//# sourceMappingURL=index.cjs.map