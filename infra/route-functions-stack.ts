import { Duration, NestedStack } from 'aws-cdk-lib';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { Route } from '#functions/routes.ts';
import { type Endpoint, type EndpointId, endpoints } from '#shared/api/endpoints.ts';
import { type HandlerFunctionContext, handlerFunction } from './handler-function.ts';

/** `seedReference` or `report-templates` -> `SeedReference`, `ReportTemplates`, for construct ids. */
export const pascalCase = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export interface RouteFunctionsStackProps {
  /** The endpoints' `tag` (shared/api/endpoints.ts) these routes share. */
  tag: string;
  routes: readonly Route[];
  context: HandlerFunctionContext;
}

/**
 * The functions of one API tag's routes, each with its role, policy, log group and alarms, in a nested
 * stack of its own: CloudFormation allows 500 resources a stack, and a route costs about six here.
 * The HTTP API, its routes and integrations stay in the parent, which receives each function's ARN as
 * an output of this stack.
 */
export class RouteFunctionsStack extends NestedStack {
  readonly tag: string;
  private readonly functions = new Map<EndpointId, nodejs.NodejsFunction>();

  constructor(scope: Construct, id: string, props: RouteFunctionsStackProps) {
    super(scope, id, {
      description: `ILO Network Platform (${props.context.deployment.name}): functions of the ${props.tag} routes`,
    });
    this.tag = props.tag;
    for (const route of props.routes) {
      const endpoint: Endpoint = endpoints[route.endpoint];
      const fn = handlerFunction(
        this,
        pascalCase(route.endpoint),
        route,
        {
          description: `${endpoint.method} ${endpoint.path} (functions/${route.entry})`,
          // API Gateway gives up after 29 s; finalising renders the documents again.
          timeout: Duration.seconds(route.rendersDocuments ? 29 : 10),
        },
        props.context,
      );
      this.functions.set(route.endpoint, fn);
    }
  }

  /** The function serving this endpoint (one of this stack's routes). */
  functionOf(endpoint: EndpointId): nodejs.NodejsFunction {
    const fn = this.functions.get(endpoint);
    if (!fn) throw new Error(`The ${this.tag} routes have no function for ${endpoint}`);
    return fn;
  }
}
