// Validates Kubernetes objects (JSON array on stdin: [{source, object}]) against the models of
// kubernetes-models (Kubernetes' OpenAPI schemas) and @kubernetes-models/cloudnative-pg (the
// CloudNativePG CRDs' schemas), both pinned in package-lock.json. Their validators check types,
// enums, patterns and required fields; a field the schema does not know is reported too: every
// object is watched while it is validated, and a key the validator never read is not in the schema
// (maps such as labels are read whole, so their keys count as read).
// Prints one JSON line per object: {source, kind, errors: [...]}.
// (Both from the npm registry, MIT licence, github.com/tommy351/kubernetes-models-ts; nothing is vendored.)
import { readFileSync } from "node:fs";

const modules = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
};

/** A view of value that records which keys the validator reads; unread() lists the others. */
function watched(value, path, unread) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  const read = new Set();
  const children = new Map();
  let enumerated = false;
  unread.push(() =>
    Array.isArray(value) || enumerated ? [] : Object.keys(value).filter((k) => !read.has(k)).map((k) => `${path}/${k}`),
  );
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== "string") {
        return child;
      }
      read.add(key);
      if (child === null || typeof child !== "object") {
        return child;
      }
      if (!children.has(key)) {
        children.set(key, watched(child, `${path}/${key}`, unread));
      }
      return children.get(key);
    },
    has(target, key) {
      read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

async function modelOf(apiVersion, kind) {
  const module = modules[apiVersion];
  if (!module) {
    return null;
  }
  try {
    return (await import(`${module}/${kind}`))[kind] ?? null;
  } catch {
    return null;
  }
}

/** Runs the model's validator on a watched view of data; its errors and the unknown fields. */
function check(model, data, path) {
  const unread = [];
  const errors = [];
  try {
    model.prototype.validate.call(watched(data, path, unread));
  } catch (e) {
    errors.push(...(e.errors ?? [{ message: e.message }]).map((x) => `${x.instancePath ?? ""} ${x.message}`.trim()));
  }
  for (const list of unread) {
    errors.push(...list().map((field) => `${field} is not a known field`));
  }
  return errors;
}

/**
 * The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1) has no model of its own; its
 * spec.configuration is the BarmanObjectStoreConfiguration that the CloudNativePG models carry.
 */
async function checkObjectStore(object) {
  const { ObjectMeta } = await import("@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta");
  const { BarmanObjectStoreConfiguration } = await import(
    "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration"
  );
  const errors = [];
  const known = (obj, keys, path) =>
    Object.keys(obj ?? {})
      .filter((k) => !keys.includes(k))
      .forEach((k) => errors.push(`${path}/${k} is not a known field`));
  known(object, ["apiVersion", "kind", "metadata", "spec"], "");
  known(object.spec, ["configuration", "retentionPolicy", "instanceSidecarConfiguration"], "/spec");
  errors.push(...check(ObjectMeta, object.metadata ?? {}, "/metadata"));
  if (!object.spec?.configuration) {
    errors.push("/spec must have required property configuration");
  } else {
    errors.push(...check(BarmanObjectStoreConfiguration, object.spec.configuration, "/spec/configuration"));
  }
  const retention = object.spec?.retentionPolicy;
  if (retention !== undefined && !/^[1-9][0-9]*[dwm]$/.test(retention)) {
    errors.push(`/spec/retentionPolicy must match ^[1-9][0-9]*[dwm]$`);
  }
  return errors;
}

const input = JSON.parse(readFileSync(0, "utf8"));
for (const { source, object } of input) {
  const { apiVersion, kind } = object;
  let errors;
  if (apiVersion === "barmancloud.cnpg.io/v1" && kind === "ObjectStore") {
    errors = await checkObjectStore(object);
  } else {
    const model = await modelOf(apiVersion, kind);
    errors = model ? check(model, object, "") : [`no model for ${apiVersion} ${kind}`];
  }
  console.log(JSON.stringify({ source, kind, errors }));
}
