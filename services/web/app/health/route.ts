// Liveness probe for the load balancer and the local stack. Next.js 15 and later run GET handlers per request, not at build time.
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
