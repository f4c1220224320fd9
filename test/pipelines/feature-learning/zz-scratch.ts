import {tanhKernel} from "../../../pipelines/feature-learning/kernel.js";
import {scaledCoefficients} from "../../../pipelines/feature-learning/targetSector.js";
import {gaussHermite} from "../../../src/special/gaussHermite.js";
function biv(q:number,qp:number,rho:number,n=120){const {nodes,weights}=gaussHermite(n);let s=0;for(let i=0;i<n;i++){let inn=0;for(let j=0;j<n;j++)inn+=weights[j]*Math.tanh(Math.sqrt(qp)*(rho*nodes[i]+Math.sqrt(1-rho*rho)*nodes[j]));s+=weights[i]*Math.tanh(Math.sqrt(q)*nodes[i])*inn;}return s;}
for (const [q,qp] of [[1,1],[1,10],[10,10],[0.5,3]]) for (const rho of [0.3,0.6,0.85,0.9,0.95,0.99]) {
  const h1=scaledCoefficients("tanh",q,60), h2=scaledCoefficients("tanh",qp,60);let s=0,pw=1;for(let k=0;k<=60;k++){s+=pw*h1[k]*h2[k];pw*=rho;}
  const exact = biv(q,qp,rho,200);
  console.log(q,qp,rho,"mehler err",(s-exact).toExponential(2),"kernel err",(tanhKernel(q,qp,rho*Math.sqrt(q*qp))-exact).toExponential(2));
}
