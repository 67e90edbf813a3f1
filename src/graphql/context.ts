export interface GraphContext { placeholder: true }
