// Imported first by local/start.ts: ES modules evaluate their imports before their own body, so
// these defaults must be set in a module of their own to apply before the handlers' logger loads.

// This machine runs Node 20 while Lambda runs Node 22; the SDK's notice about that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// The console gets one short line per request; the handlers' JSON logs only for warnings and errors.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
